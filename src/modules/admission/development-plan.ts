import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { Database, OrganizationRow } from '../../platform/db/schema.ts';
import { AppError, invalidFields } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { requireOrgsInScope } from '../org/org.repository.ts';
import { admissionRefused } from './applicant.repository.ts';
import { orgWithChildren } from '../org/org-with-children.ts';

/**
 * A plan (quota or number range) for an organization is set by a post strictly above it; the
 * province's own, at the root, by the province itself ("省控总量").
 */
export function requirePlanner(ctx: Pick<ServiceContext, 'scope'>, org: Pick<OrganizationRow, 'path' | 'parent_id'>): void {
  if (!isPlannerOf(ctx, org)) throw new AppError('NOT_APPROVER', { message: { zh: '发展计划和号段由上级团委下达', en: 'quotas and number ranges are set by the committee above' } });
}

/** Whether the post stands above the organization (or is the province at the root), so it may set its plan. */
export function isPlannerOf(ctx: Pick<ServiceContext, 'scope'>, org: Pick<OrganizationRow, 'path' | 'parent_id'>): boolean {
  const post = ctx.scope.postOrgPath;
  const above = post !== null && org.path.startsWith(post) && post !== org.path;
  const root = org.parent_id === null && ctx.scope.kind === 'all';
  return above || root;
}

/**
 * 下达发展团员计划: set an organization's quota for a year. It may not fall below what was already
 * admitted, below what its children were given, or take its siblings above the parent's own quota.
 */
export async function setQuota(ctx: ServiceContext, input: { year: number; orgId: number; quota: number }): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const org = (await requireOrgsInScope(trx, ctx.scope, [input.orgId])).get(input.orgId)!;
    requirePlanner(ctx, org);
    const existing = await trx.selectFrom('development_quota').selectAll().where('org_id', '=', org.id).where('year', '=', input.year).executeTakeFirst();
    const issued = existing?.issued ?? 0;
    const field = (code: string, zh: string, en: string) => invalidFields([{ field: 'quota', code, message: { zh, en } }]);
    if (input.quota < issued) throw field('below_issued', `本年度已发展${issued}名，计划不能少于此数`, `${issued} already admitted this year`);
    const { total: childTotal } = await sumChildQuotas(trx, org.id, input.year);
    if (input.quota < childTotal) throw field('below_children', `已下达给下级的计划合计${childTotal}名，本级计划不能少于此数`, `the children were given ${childTotal} in total`);
    if (org.parent_id !== null) {
      const parent = await trx.selectFrom('development_quota').select('quota').where('org_id', '=', org.parent_id).where('year', '=', input.year).executeTakeFirst();
      if (parent) {
        const { total: siblings } = await sumChildQuotas(trx, org.parent_id, input.year, org.id);
        if (siblings + input.quota > parent.quota) {
          throw field('over_parent', `上级计划共${parent.quota}名，已下达其他下级${siblings}名，本级最多${parent.quota - siblings}名`, `the parent holds ${parent.quota}; ${siblings} went to the others, so at most ${parent.quota - siblings}`);
        }
      }
    }
    const now = new Date().toISOString();
    if (existing) await trx.updateTable('development_quota').set({ quota: input.quota, set_by: ctx.actor.username, updated_at: now }).where('id', '=', existing.id).execute();
    else await trx.insertInto('development_quota').values({ year: input.year, org_id: org.id, org_path: org.path, quota: input.quota, issued: 0, set_by: ctx.actor.username, updated_at: now }).execute();
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'admission.quota', orgPath: org.path, targetType: 'organization', targetId: org.id, targetLabel: org.name,
      before: existing ? { quota: existing.quota } : undefined, after: { quota: input.quota }, detail: { year: input.year },
    });
  });
}

async function sumChildQuotas(db: Kysely<Database>, parentId: number, year: number, exceptOrgId?: number): Promise<{ total: number }> {
  let query = db.selectFrom('development_quota').innerJoin('organization', 'organization.id', 'development_quota.org_id')
    .select(sql<number>`coalesce(sum(development_quota.quota), 0)`.as('total'))
    .where('organization.parent_id', '=', parentId).where('development_quota.year', '=', year);
  if (exceptOrgId !== undefined) query = query.where('organization.id', '!=', exceptOrgId);
  const row = await query.executeTakeFirstOrThrow();
  return { total: Number(row.total) };
}

/** One organization's plan for the year: quota, admitted, given to children, and its number ranges' use. */
export type PlanRow = {
  orgId: number; name: string; childCount: number;
  quota: number | null; issued: number; childrenQuota: number;
  numbers: number; numbersUsed: number; numbersDelegated: number;
  /** Whether the caller may set this organization's quota and number ranges. */
  mayPlan: boolean;
};

/** 发展计划与号段: the organization and each direct child for a year. */
export async function developmentPlan(ctx: Pick<ServiceContext, 'db' | 'scope'>, orgId: number | undefined, year: number, permissions: ReadonlySet<string> = new Set()): Promise<{ year: number; org: PlanRow; children: PlanRow[] }> {
  const { org, children } = await orgWithChildren(ctx.db, ctx.scope, orgId);
  // Children always have a parent; only the organization asked for may be the root.
  const rowOf = async (o: { id: number; name: string; path: string; child_count: number; parent_id?: number | null }): Promise<PlanRow> => {
    const parentId = o.parent_id === undefined ? o.id : o.parent_id;
    const [quota, childQuota, ranges] = await Promise.all([
      ctx.db.selectFrom('development_quota').select(['quota', 'issued']).where('org_id', '=', o.id).where('year', '=', year).executeTakeFirst(),
      sumChildQuotas(ctx.db, o.id, year),
      ctx.db.selectFrom('number_range').select(['id', 'first_no', 'last_no', 'next_no']).where('org_id', '=', o.id).where('year', '=', year).execute(),
    ]);
    let numbers = 0;
    let used = 0;
    let delegated = 0;
    for (const r of ranges) {
      numbers += Number(r.last_no) - Number(r.first_no) + 1;
      const sub = await ctx.db.selectFrom('number_range').select(sql<number>`coalesce(sum(last_no - first_no + 1), 0)`.as('n')).where('parent_range_id', '=', r.id).executeTakeFirstOrThrow();
      delegated += Number(sub.n);
      // Used: numbers held by members, wherever they went since.
      const held = await ctx.db.selectFrom('member').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('development_number', '>=', String(r.first_no)).where('development_number', '<=', String(r.last_no)).executeTakeFirstOrThrow();
      used += Number(held.n);
    }
    return { orgId: o.id, name: o.name, childCount: o.child_count, quota: quota?.quota ?? null, issued: quota?.issued ?? 0, childrenQuota: childQuota.total, numbers, numbersUsed: used, numbersDelegated: delegated,
      mayPlan: permissions.has('admission.plan') && isPlannerOf(ctx, { path: o.path, parent_id: parentId }) };
  };
  const [own, ...rows] = await Promise.all([rowOf(org), ...children.map(rowOf)]);
  return { year, org: own!, children: rows };
}

/**
 * 下达团员编号号段: the province opens the year's numbers at the root (12 digits, the year first);
 * below, a range is cut from the next unused numbers of the nearest range above the organization,
 * so ranges never overlap and a number is never given out twice.
 */
export async function issueNumberRange(ctx: ServiceContext, input: { year: number; orgId: number; size: number; firstNo?: number }): Promise<{ firstNo: number; lastNo: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const org = (await requireOrgsInScope(trx, ctx.scope, [input.orgId])).get(input.orgId)!;
    requirePlanner(ctx, org);
    const floor = input.year * 100_000_000 + 1;
    const ceiling = input.year * 100_000_000 + 99_999_999;
    let firstNo: number;
    let parentRangeId: number | null = null;
    if (org.parent_id === null) {
      firstNo = input.firstNo ?? floor;
      const lastNo = firstNo + input.size - 1;
      if (firstNo < floor || lastNo > ceiling) throw invalidFields([{ field: 'firstNo', code: 'out_of_year', message: { zh: `号段须在${floor}至${ceiling}之间（前四位为年份）`, en: `the range must lie within ${floor}–${ceiling} (the year first)` } }]);
      const overlap = await trx.selectFrom('number_range').select('id').where('year', '=', input.year).where('parent_range_id', 'is', null)
        .where('first_no', '<=', lastNo).where('last_no', '>=', firstNo).executeTakeFirst();
      if (overlap) throw invalidFields([{ field: 'firstNo', code: 'overlap', message: { zh: '与已下达的号段重叠', en: 'overlaps a range already issued' } }]);
    } else {
      const ancestors = org.path.split('/').filter(Boolean).map(Number).filter((id) => id !== org.id);
      const candidates = await trx.selectFrom('number_range').select(['id', 'org_path', 'next_no', 'last_no']).where('org_id', 'in', ancestors).where('year', '=', input.year).execute();
      const source = candidates.filter((c) => Number(c.last_no) - Number(c.next_no) + 1 >= input.size).sort((a, b) => b.org_path.length - a.org_path.length)[0];
      if (!source) throw admissionRefused('no_room', `上级组织没有足够的${input.year}年剩余编号（需要${input.size}个）`, `no range above holds ${input.size} unused ${input.year} numbers`);
      const cut = await trx.updateTable('number_range').set((eb) => ({ next_no: eb('next_no', '+', input.size) }))
        .where('id', '=', source.id).where('next_no', '=', source.next_no).returning('next_no').executeTakeFirst();
      if (!cut) throw new AppError('CONFLICT');
      firstNo = Number(source.next_no);
      parentRangeId = source.id;
    }
    const lastNo = firstNo + input.size - 1;
    await trx.insertInto('number_range').values({
      year: input.year, org_id: org.id, org_path: org.path, parent_range_id: parentRangeId, first_no: firstNo, last_no: lastNo, next_no: firstNo,
      issued_by: ctx.actor.username, created_at: new Date().toISOString(),
    }).execute();
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'admission.number_range', orgPath: org.path, targetType: 'organization', targetId: org.id, targetLabel: org.name, detail: { year: input.year, firstNo, lastNo } });
    return { firstNo, lastNo };
  });
}
