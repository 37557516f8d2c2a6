import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { Database, PlanMilestoneRow } from '../../platform/db/schema.ts';
import { AppError, invalidFields, type FieldError } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { isCalendarDate, todayInChina } from '../../platform/time/china-date.ts';
import { requireActivePlan, requireOwner, requireTaskView, type TaskView } from './plan-access.ts';

function checkDates(year: number, input: { dueOn?: string; doneOn?: string | null }): void {
  const problems: FieldError[] = [];
  if (input.dueOn !== undefined && (!isCalendarDate(input.dueOn) || input.dueOn < `${year}-01-01`)) problems.push({ field: 'dueOn', code: 'invalid_date', message: { zh: `节点日期须为${year}年1月1日以后的日期`, en: `the date must be on or after 1 January ${year}` } });
  if (input.doneOn != null && (!isCalendarDate(input.doneOn) || input.doneOn > todayInChina())) problems.push({ field: 'doneOn', code: 'invalid_date', message: { zh: '完成日期不能晚于今天', en: 'the completion date cannot be in the future' } });
  if (problems.length > 0) throw invalidFields(problems);
}

async function ownerView(trx: Kysely<Database>, ctx: ServiceContext, taskId: number): Promise<TaskView> {
  const view = await requireTaskView(trx, ctx.scope, taskId);
  requireOwner(view);
  requireActivePlan(view.plan);
  return view;
}

/** 节点: a dated step of a task, set by the plan's committee. */
export async function addMilestone(ctx: ServiceContext, taskId: number, input: { title: string; dueOn: string }): Promise<PlanMilestoneRow> {
  if (input.title.trim().length === 0) throw invalidFields([{ field: 'title', code: 'required', message: { zh: '请填写节点名称', en: 'enter the milestone' } }]);
  return ctx.db.transaction().execute(async (trx) => {
    const view = await ownerView(trx, ctx, taskId);
    checkDates(view.plan.year, input);
    const row = await trx.insertInto('plan_milestone').values({ task_id: taskId, title: input.title.trim(), due_on: input.dueOn, done_on: null, done_by: null, created_at: new Date().toISOString() }).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'workplan.milestone.create', orgPath: view.plan.org_path, targetType: 'plan_milestone', targetId: row.id, targetLabel: row.title, after: input });
    return row;
  });
}

/** Rename, move or mark a milestone done (doneOn null reopens it). */
export async function updateMilestone(ctx: ServiceContext, id: number, input: { title?: string; dueOn?: string; doneOn?: string | null }): Promise<PlanMilestoneRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('plan_milestone').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND');
    const view = await ownerView(trx, ctx, before.task_id);
    checkDates(view.plan.year, input);
    const row = await trx.updateTable('plan_milestone').set({
      title: input.title?.trim() || before.title, due_on: input.dueOn ?? before.due_on,
      done_on: input.doneOn === undefined ? before.done_on : input.doneOn, done_by: input.doneOn === undefined ? before.done_by : input.doneOn === null ? null : ctx.actor.username,
    }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'workplan.milestone.update', orgPath: view.plan.org_path, targetType: 'plan_milestone', targetId: id, targetLabel: row.title, before, after: row });
    return row;
  });
}

export async function deleteMilestone(ctx: ServiceContext, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('plan_milestone').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND');
    const view = await ownerView(trx, ctx, before.task_id);
    await trx.deleteFrom('plan_milestone').where('id', '=', id).execute();
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'workplan.milestone.delete', orgPath: view.plan.org_path, targetType: 'plan_milestone', targetId: id, targetLabel: before.title, before });
  });
}
