import type { OrgListener } from '../../org/org-listeners.ts';
import { fieldOfIndustry } from '../../org/org-enums.ts';
import { applyToPath, moveSubtreeCounts } from './apply-member-stats.ts';
import { statKey } from './member-contribution.ts';

/** Keeps the member counters right when the organization tree changes. */
export const memberOrgListener: OrgListener = {
  onSubtreeMoved: (trx, event) => moveSubtreeCounts(trx, event.rootId, event.oldParentPath, event.newParentPath),

  // The field of a member follows its branch's industry; only members directly in the organization move bucket.
  async onIndustryChanged(trx, event) {
    const from = fieldOfIndustry(event.from);
    const to = fieldOfIndustry(event.to);
    if (from === to) return;
    const { n } = await trx
      .selectFrom('member')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', event.orgId)
      .where('is_active', '=', 1)
      .executeTakeFirstOrThrow();
    const count = Number(n);
    if (count === 0) return;
    await applyToPath(trx, event.path, new Map([[statKey('field', from), -count], [statKey('field', to), count]]));
  },
};
