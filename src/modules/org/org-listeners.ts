import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

/**
 * Other modules that keep data derived from the tree (counters per subtree, say) register here
 * and are called inside the same transaction as the change, so their data never drifts.
 */
export type OrgListener = {
  onSubtreeMoved?(trx: Kysely<Database>, event: { rootId: number; oldParentPath: string | null; newParentPath: string }): Promise<void>;
  onIndustryChanged?(trx: Kysely<Database>, event: { orgId: number; path: string; from: string; to: string }): Promise<void>;
};

const listeners = new Set<OrgListener>();

/** Register once at application start; registering the same listener again does nothing. */
export function addOrgListener(listener: OrgListener): void {
  listeners.add(listener);
}

export function orgListeners(): Iterable<OrgListener> {
  return listeners;
}
