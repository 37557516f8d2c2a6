import type { ServiceContext } from '../../platform/service-context.ts';
import { monthInChina } from '../../platform/time/months.ts';
import { escapeLike } from '../../platform/db/escape-like.ts';
import { requireOrgsInScope } from '../org/org.repository.ts';
import { scopedMemberTable, withBranchNames } from '../members/member.repository.ts';
import { lapseThreshold, standingOf, type DuesStanding } from './dues-standing.ts';
import { sql } from 'kysely';

/** Which members a dues list shows. */
export type DuesListKind = 'all' | 'paid_up' | 'owing' | 'lapse' | 'unassessed';
export const DUES_LIST_KINDS: readonly DuesListKind[] = ['all', 'paid_up', 'owing', 'lapse', 'unassessed'];

export type DuesListItem = {
  id: number;
  name: string;
  orgId: number;
  orgName: string;
  occupation: string;
  monthlyFen: number | null;
  paidThrough: string | null;
  standing: (DuesStanding & { owedFen: number }) | null;
};

/**
 * 团费名单 of the members holding 团籍 in scope (optionally under one organization): everyone, the
 * paid-up, those owing (this month included), those past the 自行脱团 warning, or those whose
 * dues were never assessed. Longest-owing first.
 */
export async function listDuesMembers(
  ctx: Pick<ServiceContext, 'db' | 'scope'>,
  request: { orgId?: number; kind: DuesListKind; q?: string; page: number; pageSize: number },
): Promise<{ items: DuesListItem[]; total: number; thisMonth: string }> {
  const thisMonth = monthInChina();
  let base = scopedMemberTable(ctx.db, ctx.scope).where('member.is_active', '=', 1);
  if (request.orgId !== undefined) {
    const org = (await requireOrgsInScope(ctx.db, ctx.scope, [request.orgId])).get(request.orgId)!;
    base = base.where('member.org_path', 'like', `${org.path}%`);
  }
  const q = request.q?.trim();
  if (q) {
    base = base.where((eb) => eb.or([
      sql<boolean>`member.name like ${`%${escapeLike(q)}%`} escape '\\'`,
      ...(/^[a-z]+$/i.test(q) ? [sql<boolean>`member.name_initials like ${`${escapeLike(q.toLowerCase())}%`} escape '\\'`] : []),
    ]));
  }
  switch (request.kind) {
    case 'paid_up':
      base = base.where('member.dues_paid_through', '>=', thisMonth).where('member.dues_monthly_fen', 'is not', null);
      break;
    case 'owing':
      base = base.where('member.dues_paid_through', '<', thisMonth).where('member.dues_monthly_fen', 'is not', null);
      break;
    case 'lapse':
      base = base.where('member.dues_paid_through', '<=', lapseThreshold(thisMonth)).where('member.dues_monthly_fen', 'is not', null);
      break;
    case 'unassessed':
      base = base.where('member.dues_monthly_fen', 'is', null);
      break;
    case 'all':
      break;
  }
  // Unassessed members (no month) first on both engines: SQLite and PostgreSQL place NULLs differently.
  const page = base.selectAll('member').orderBy(sql`coalesce(member.dues_paid_through, '')`).orderBy('member.id');
  const [rows, count] = await Promise.all([
    withBranchNames(ctx.db, page.limit(request.pageSize).offset((request.page - 1) * request.pageSize), []).execute()
      .then((page) => page.sort((a, b) => (a.dues_paid_through ?? '').localeCompare(b.dues_paid_through ?? '') || a.id - b.id)),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    thisMonth,
    total: Number(count.n),
    items: rows.map((r) => {
      const assessed = r.dues_monthly_fen !== null && r.dues_paid_through !== null;
      const standing = assessed ? standingOf(r.dues_paid_through!, thisMonth) : null;
      return {
        id: r.id, name: r.name, orgId: r.org_id, orgName: r.org_name, occupation: r.occupation, monthlyFen: r.dues_monthly_fen, paidThrough: r.dues_paid_through,
        standing: standing ? { ...standing, owedFen: standing.owedMonths * r.dues_monthly_fen! } : null,
      };
    }),
  };
}
