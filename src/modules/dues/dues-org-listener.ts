import type { OrgListener } from '../org/org-listeners.ts';
import { applyCollections } from './dues-collection-counters.ts';

/** Keeps the collection counters right when a subtree moves: its collections leave the old ancestors and join the new. */
export const duesOrgListener: OrgListener = {
  async onSubtreeMoved(trx, event) {
    const rows = await trx.selectFrom('dues_stat').select(['month', 'collected_fen', 'payments']).where('org_id', '=', event.rootId)
      .where((eb) => eb.or([eb('collected_fen', '!=', 0), eb('payments', '!=', 0)])).execute();
    if (rows.length === 0) return;
    const moved = (sign: 1 | -1, path: string) => rows.map((r) => ({ path, month: r.month, fen: sign * Number(r.collected_fen), payments: sign * Number(r.payments) }));
    if (event.oldParentPath) await applyCollections(trx, moved(-1, event.oldParentPath));
    await applyCollections(trx, moved(1, event.newParentPath));
  },
};
