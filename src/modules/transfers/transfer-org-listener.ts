import type { OrgListener } from '../org/org-listeners.ts';
import { moveResponseCounts } from './response-counters.ts';

/** Keeps the response counters right when a subtree moves (its decisions go with it). */
export const transferOrgListener: OrgListener = {
  onSubtreeMoved: (trx, event) => moveResponseCounts(trx, event.rootId, event.oldParentPath, event.newParentPath),
};
