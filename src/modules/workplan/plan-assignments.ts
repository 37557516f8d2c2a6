import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { Database, PlanAssignmentRow } from '../../platform/db/schema.ts';
import { AppError, invalidFields, type FieldError } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { requireOrgsInScope } from '../org/org.repository.ts';
import { requireActivePlan, requireTaskView, type TaskView } from './plan-access.ts';
import { speaksForLevel } from './task-rights.ts';

export type QuotaInput = { targetId: number; quota: number | null };
export type AssignInput = {
  /** The assignment being split further (a city passing its share to counties); null when the plan's committee assigns. */
  parentAssignmentId: number | null;
  orgIds: number[];
  note: string | null;
  /** Quotas per organization and target, e.g. pilot counties per city. */
  quotas: { orgId: number; targetId: number; quota: number }[];
};

/**
 * Who may split or set quotas at a level: the plan's committee for its own top-level assignments,
 * and whoever sees an assignment for the assignments split from it.
 */
function requireAssigner(ctx: ServiceContext, view: TaskView, parent: PlanAssignmentRow | null): { path: string } {
  if (parent === null) {
    if (!view.owner) throw new AppError('FORBIDDEN', { message: { zh: '只有工作要点所属团委可以直接分解下达任务；请在本单位承担的任务下继续分解', en: 'only the plan\'s committee assigns at the top; split your own assignment instead' } });
    return { path: view.plan.org_path };
  }
  if (!speaksForLevel(ctx.scope, view, parent)) throw new AppError('NOT_FOUND');
  return { path: parent.org_path };
}

async function checkQuotaTargets(trx: Kysely<Database>, taskId: number, targetIds: number[]): Promise<void> {
  const unique = [...new Set(targetIds)];
  if (unique.length === 0) return;
  const rows = await trx.selectFrom('plan_target').select('id').where('task_id', '=', taskId).where('id', 'in', unique).execute();
  if (rows.length !== unique.length) throw invalidFields([{ field: 'quotas', code: 'unknown_target', message: { zh: '分解指标须是本任务的指标', en: 'quotas must be for this task\'s targets' } }]);
}

/** 分解下达: assign a task to organizations below the assigner, with their quotas, in one transaction. */
export async function assignTask(ctx: ServiceContext, taskId: number, input: AssignInput): Promise<PlanAssignmentRow[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const view = await requireTaskView(trx, ctx.scope, taskId);
    requireActivePlan(view.plan);
    let parent: PlanAssignmentRow | null = null;
    if (input.parentAssignmentId !== null) {
      parent = (await trx.selectFrom('plan_assignment').selectAll().where('id', '=', input.parentAssignmentId).where('task_id', '=', taskId).executeTakeFirst()) ?? null;
      if (!parent) throw new AppError('NOT_FOUND');
    }
    const above = requireAssigner(ctx, view, parent);
    const orgs = await requireOrgsInScope(trx, ctx.scope, input.orgIds);
    const problems: FieldError[] = [];
    const existing = new Set((await trx.selectFrom('plan_assignment').select('org_id').where('task_id', '=', taskId).execute()).map((a) => a.org_id));
    input.orgIds.forEach((orgId, i) => {
      const org = orgs.get(orgId)!;
      if (!org.path.startsWith(above.path) || org.path === above.path) problems.push({ field: `orgIds[${i}]`, code: 'not_below', message: { zh: `${org.name}不在本级之下，不能向其分解`, en: `${org.name} is not below the assigning organization` } });
      else if (existing.has(orgId)) problems.push({ field: `orgIds[${i}]`, code: 'already_assigned', message: { zh: `已向${org.name}分解过该任务`, en: `the task is already assigned to ${org.name}` } });
      else if (org.status !== 'active') problems.push({ field: `orgIds[${i}]`, code: 'inactive', message: { zh: `${org.name}已停用`, en: `${org.name} is inactive` } });
    });
    if (new Set(input.orgIds).size !== input.orgIds.length) problems.push({ field: 'orgIds', code: 'duplicate', message: { zh: '组织有重复', en: 'an organization is listed twice' } });
    input.quotas.forEach((q, i) => {
      if (!input.orgIds.includes(q.orgId)) problems.push({ field: `quotas[${i}].orgId`, code: 'not_assigned', message: { zh: '分解指标的组织须在本次分解的组织中', en: 'a quota must be for one of the organizations assigned' } });
    });
    if (problems.length > 0) throw invalidFields(problems);
    await checkQuotaTargets(trx, taskId, input.quotas.map((q) => q.targetId));
    const now = new Date().toISOString();
    const rows: PlanAssignmentRow[] = [];
    for (const orgId of input.orgIds) {
      const org = orgs.get(orgId)!;
      const row = await trx.insertInto('plan_assignment').values({ task_id: taskId, org_id: orgId, org_path: org.path, parent_id: parent?.id ?? null, note: input.note, created_by: ctx.actor.username, created_at: now })
        .returningAll().executeTakeFirstOrThrow();
      rows.push(row);
      const quotas = input.quotas.filter((q) => q.orgId === orgId);
      if (quotas.length > 0) await trx.insertInto('plan_quota').values(quotas.map((q) => ({ assignment_id: row.id, target_id: q.targetId, quota: q.quota }))).execute();
      await appendAudit(trx, ctx.auditKey, ctx.actor, {
        action: 'workplan.assign', orgPath: org.path, targetType: 'plan_assignment', targetId: row.id, targetLabel: `${view.task.title} → ${org.name}`,
        detail: { taskId, parentAssignmentId: parent?.id ?? null, quotas: quotas.map((q) => ({ targetId: q.targetId, quota: q.quota })) },
      });
    }
    return rows;
  });
}

async function requireAssignment(trx: Kysely<Database>, ctx: ServiceContext, assignmentId: number): Promise<{ assignment: PlanAssignmentRow; view: TaskView }> {
  const assignment = await trx.selectFrom('plan_assignment').selectAll().where('id', '=', assignmentId).executeTakeFirst();
  if (!assignment) throw new AppError('NOT_FOUND');
  const view = await requireTaskView(trx, ctx.scope, assignment.task_id);
  if (!view.owner && !view.assignments.some((a) => a.id === assignmentId)) throw new AppError('NOT_FOUND');
  requireActivePlan(view.plan);
  const parent = assignment.parent_id === null ? null : (await trx.selectFrom('plan_assignment').selectAll().where('id', '=', assignment.parent_id).executeTakeFirstOrThrow());
  requireAssigner(ctx, view, parent);
  return { assignment, view };
}

/** Change an assignment's quotas (null removes one). */
export async function setQuotas(ctx: ServiceContext, assignmentId: number, quotas: QuotaInput[]): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { assignment, view } = await requireAssignment(trx, ctx, assignmentId);
    await checkQuotaTargets(trx, assignment.task_id, quotas.map((q) => q.targetId));
    for (const q of quotas) {
      await trx.deleteFrom('plan_quota').where('assignment_id', '=', assignmentId).where('target_id', '=', q.targetId).execute();
      if (q.quota !== null) await trx.insertInto('plan_quota').values({ assignment_id: assignmentId, target_id: q.targetId, quota: q.quota }).execute();
    }
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'workplan.quota', orgPath: assignment.org_path, targetType: 'plan_assignment', targetId: assignmentId, targetLabel: view.task.title, detail: { quotas } });
  });
}

/** 撤销分解: only before the organization has reported or split it further. */
export async function removeAssignment(ctx: ServiceContext, assignmentId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { assignment, view } = await requireAssignment(trx, ctx, assignmentId);
    const child = await trx.selectFrom('plan_assignment').select('id').where('parent_id', '=', assignmentId).limit(1).executeTakeFirst();
    if (child) throw new AppError('WORKPLAN_REFUSED', { message: { zh: '该单位已向下级继续分解，请先撤销下级分解', en: 'the organization has split the task further; remove those assignments first' }, extra: { reason: 'has_children' } });
    const report = await trx.selectFrom('plan_report').select('id').where('task_id', '=', assignment.task_id).where('org_id', '=', assignment.org_id).limit(1).executeTakeFirst();
    if (report) throw new AppError('WORKPLAN_REFUSED', { message: { zh: '该单位已报送进展，不能撤销分解', en: 'the organization has already reported on the task' }, extra: { reason: 'has_reports' } });
    await trx.deleteFrom('plan_quota').where('assignment_id', '=', assignmentId).execute();
    await trx.deleteFrom('plan_assignment').where('id', '=', assignmentId).execute();
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'workplan.unassign', orgPath: assignment.org_path, targetType: 'plan_assignment', targetId: assignmentId, targetLabel: view.task.title });
  });
}
