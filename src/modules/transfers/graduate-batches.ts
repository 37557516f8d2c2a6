import { AppError, invalidFields } from '../../platform/http/app-error.ts';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { GraduateBatchRow } from '../../platform/db/schema.ts';
import { scopeContainsSubtree } from '../../platform/scope/data-scope.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { requireOrgsInScope } from '../org/org.repository.ts';
import { refused } from './transfer-refusal.ts';

/**
 * 毕业生批次: a school (or any committee above its graduating branches) opens the year's batch. Every
 * member in good standing in a branch marked 毕业生 below it joins the batch, and the graduate
 * transfer rate counts against exactly these people.
 */
export async function openGraduateBatch(ctx: ServiceContext, input: { schoolOrgId: number; year: number; name?: string }): Promise<GraduateBatchRow & { members: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const school = (await requireOrgsInScope(trx, ctx.scope, [input.schoolOrgId])).get(input.schoolOrgId)!;
    if (!scopeContainsSubtree(ctx.scope, school.path)) {
      throw refused('scope_not_subtree', '毕业生在学校团委下级的毕业班团支部中，“本级”数据范围的岗位无法办理毕业生批次；请由数据范围为“本级及下级”的岗位办理', 'the graduates sit in branches below the school, so a post that sees its own organization only cannot run the batch; ask a post whose scope includes the organizations below');
    }
    if (school.type === 'branch') {
      throw invalidFields([{ field: 'schoolOrgId', code: 'is_a_branch', message: { zh: '请选择学校团委（或毕业班团支部的上级组织），而不是单个团支部', en: 'choose the school committee above the graduating branches, not a branch' } }]);
    }
    const existing = await trx.selectFrom('graduate_batch').select('id').where('school_org_id', '=', school.id).where('year', '=', input.year).executeTakeFirst();
    if (existing) throw refused('batch_exists', `${school.name}的${input.year}届毕业生批次已建立，请在原批次中办理`, `the ${input.year} batch of this school already exists`);
    const graduates = await trx.selectFrom('member').innerJoin('organization', 'organization.id', 'member.org_id')
      .select(['member.id']).where('member.org_path', 'like', `${school.path}%`).where('organization.kind', '=', 'graduate')
      .where('organization.status', '=', 'active').where('member.status', '=', 'normal').execute();
    if (graduates.length === 0) {
      throw refused('no_graduates', '该组织下没有“毕业生”类别团支部中的团员：请先将毕业班团支部的组织类别设为“毕业生”', 'there are no members in branches marked as graduating below this organization; mark the graduating branches first');
    }
    const now = new Date().toISOString();
    const batch = await trx.insertInto('graduate_batch').values({
      school_org_id: school.id, school_org_path: school.path, year: input.year, name: input.name?.trim() || `${school.name}${input.year}届毕业生`,
      status: 'open', created_by: ctx.actor.username, created_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    for (let i = 0; i < graduates.length; i += 400) {
      await trx.insertInto('graduate_batch_member').values(graduates.slice(i, i + 400).map((g) => ({
        batch_id: batch.id, member_id: g.id, school_org_path: school.path, year: input.year, destination_kind: null, transfer_id: null, settled: 0, settled_at: null,
      }))).execute();
    }
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'graduate_batch.open', orgPath: school.path, targetType: 'graduate_batch', targetId: batch.id, targetLabel: batch.name, detail: { members: graduates.length, year: input.year },
    });
    return { ...batch, members: graduates.length };
  });
}

/** A batch whose school and every branch below it the caller's scope reaches, else 404. */
export async function requireBatch(ctx: Pick<ServiceContext, 'db' | 'scope'>, id: number): Promise<GraduateBatchRow> {
  const batch = await ctx.db.selectFrom('graduate_batch').selectAll().where('id', '=', id).executeTakeFirst();
  if (!batch || !scopeContainsSubtree(ctx.scope, batch.school_org_path)) throw new AppError('NOT_FOUND');
  await requireOrgsInScope(ctx.db, ctx.scope, [batch.school_org_id]);
  return batch;
}
