import { sql } from 'kysely';
import { AppError } from '../../../platform/http/app-error.ts';
import { rule } from '../../../platform/rules/rules.ts';
import type { ServiceContext } from '../../../platform/service-context.ts';
import { todayInChina } from '../../../platform/time/china-date.ts';
import type { OrganizationRow } from '../../../platform/db/schema.ts';
import { filteredOrgs, requireOrgsInScope, scopedOrgs, scopeRoots } from '../../org/org.repository.ts';
import { idsOnPath } from '../../../platform/scope/path-ids.ts';
import { orgWithChildren } from '../../org/org-with-children.ts';

/** Age bands of the statistics page; ages come from birth years (the counters keep years, not days). */
export const AGE_BANDS = [
  { code: 'up_to_18', zh: '18岁及以下', en: '18 and under', max: 18 },
  { code: '19_to_22', zh: '19–22岁', en: '19–22', max: 22 },
  { code: '23_to_25', zh: '23–25岁', en: '23–25', max: 25 },
  { code: '26_to_28', zh: '26–28岁', en: '26–28', max: 28 },
  { code: 'over_28', zh: '28岁以上', en: 'over 28', max: Number.POSITIVE_INFINITY },
] as const;

/** The counts of one organization's subtree. */
export type StatRow = {
  orgId: number;
  name: string;
  type: string;
  childCount: number;
  active: number;
  cadre: number;
  byStatus: Record<string, number>;
  bySex: Record<string, number>;
  byAgeBand: Record<string, number>;
  byEthnicity: Record<string, number>;
  byField: Record<string, number>;
};

type Ctx = Pick<ServiceContext, 'db' | 'scope'>;

/** 团员统计: the organization itself, then one row per direct child, all read from the counters. */
export async function memberStats(ctx: Ctx, orgId: number | undefined): Promise<{ org: StatRow; children: StatRow[] }> {
  const { org, children } = await orgWithChildren(ctx.db, ctx.scope, orgId);
  const ids = [org.id, ...children.map((c) => c.id)];
  const counters = await ctx.db.selectFrom('member_stat').select(['org_id', 'dimension', 'bucket', 'n']).where('org_id', 'in', ids).where('n', '!=', 0).execute();
  const thisYear = Number(todayInChina().slice(0, 4));
  const rows = new Map<number, StatRow>();
  for (const o of [{ id: org.id, name: org.name, type: org.type, child_count: org.child_count }, ...children]) {
    rows.set(o.id, {
      orgId: o.id, name: o.name, type: o.type, childCount: o.child_count, active: 0, cadre: 0,
      byStatus: {}, bySex: {}, byAgeBand: Object.fromEntries(AGE_BANDS.map((b) => [b.code, 0])), byEthnicity: {}, byField: {},
    });
  }
  for (const c of counters) {
    const row = rows.get(c.org_id)!;
    const n = Number(c.n);
    switch (c.dimension) {
      case 'total':
        if (c.bucket === 'active') row.active = n;
        else row.cadre = n;
        break;
      case 'status':
        row.byStatus[c.bucket] = n;
        break;
      case 'sex':
        row.bySex[c.bucket] = n;
        break;
      case 'ethnicity':
        row.byEthnicity[c.bucket] = n;
        break;
      case 'field':
        row.byField[c.bucket] = n;
        break;
      case 'birth_year': {
        const age = thisYear - Number(c.bucket);
        const band = AGE_BANDS.find((b) => age <= b.max)!;
        row.byAgeBand[band.code] = (row.byAgeBand[band.code] ?? 0) + n;
        break;
      }
    }
  }
  return { org: rows.get(org.id)!, children: children.map((c) => rows.get(c.id)!) };
}

/**
 * 空心团支部 (fewer members than a branch needs) or 无团干团支部 (no cadre): active branches in the
 * subtree, from the counters.
 */
export async function weakBranches(ctx: Ctx, orgId: number | undefined, kind: 'hollow' | 'no_cadre', page: { page: number; pageSize: number }) {
  const org = orgId === undefined ? (await scopeRoots(ctx.db, ctx.scope))[0] : (await requireOrgsInScope(ctx.db, ctx.scope, [orgId])).get(orgId);
  if (!org) throw new AppError('NOT_FOUND');
  const bucket = kind === 'hollow' ? 'active' : 'cadre';
  const limit = kind === 'hollow' ? rule('org.branchMinMembers') : 1;
  const base = filteredOrgs(ctx.db, ctx.scope, { parentId: org.id, depth: 'subtree', type: 'branch', status: 'active' }, org)
    .leftJoin('member_stat', (join) =>
      join.onRef('member_stat.org_id', '=', 'organization.id').on('member_stat.dimension', '=', 'total').on('member_stat.bucket', '=', bucket),
    )
    .where(sql<boolean>`coalesce(member_stat.n, 0) < ${limit}`);
  const [rows, count] = await Promise.all([
    base
      .select(['organization.id', 'organization.name', 'organization.path', sql<number>`coalesce(member_stat.n, 0)`.as('n')])
      .orderBy('organization.path')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const parents = await parentNamesBelow(ctx, org, rows.map((r) => r.path));
  return {
    items: rows.map((r) => ({ orgId: r.id, name: r.name, path: r.path, parentNames: parents(r.path), count: Number(r.n) })),
    total: Number(count.n),
    threshold: limit,
  };
}

/**
 * The names of the organizations between `top` and each listed organization, top first: grassroots
 * branch names repeat (第1团支部 …), so a list of them says where each one is. One scoped query
 * serves every path; a parent the scope may not see is left out rather than named.
 */
async function parentNamesBelow(ctx: Ctx, top: OrganizationRow, paths: readonly string[]): Promise<(path: string) => string[]> {
  // The path's own last id is the organization itself, not a parent.
  const between = (path: string) => idsOnPath(path.slice(top.path.length)).slice(0, -1);
  const ids = [...new Set(paths.flatMap(between))];
  const rows = ids.length === 0 ? [] : await scopedOrgs(ctx.db, ctx.scope).select(['id', 'name']).where('id', 'in', ids).execute();
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return (path) => between(path).flatMap((id) => names.get(id) ?? []);
}

/** Members in good standing in an organization's subtree, from the counters (the plan's 团员数 indicator). */
export async function activeMembersBelow(db: Ctx['db'], orgId: number): Promise<number> {
  const row = await db.selectFrom('member_stat').select('n').where('org_id', '=', orgId).where('dimension', '=', 'total').where('bucket', '=', 'active').executeTakeFirst();
  return Number(row?.n ?? 0);
}
