import { appendAudit } from '../../platform/audit/audit-log.ts';
import { AppError, invalidFields } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { isCalendarDate } from '../../platform/time/china-date.ts';
import { requireDepartments } from './departments.ts';
import { requireActivePlan, requireOwner, requirePlanView, requireTaskView } from './plan-access.ts';

export type TaskChanges = {
  title?: string;
  weight?: number;
  dueOn?: string | null;
  leadDepartmentId?: number | null;
  cooperatingDepartmentIds?: number[];
};

/** 责任分工: the lead and cooperating departments, the due date and the weight of a task. */
export async function updateTask(ctx: ServiceContext, taskId: number, changes: TaskChanges): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const view = await requireTaskView(trx, ctx.scope, taskId);
    requireOwner(view);
    requireActivePlan(view.plan);
    const { plan, task } = view;
    if (changes.dueOn !== undefined && changes.dueOn !== null && (!isCalendarDate(changes.dueOn) || changes.dueOn < `${plan.year}-01-01`)) {
      throw invalidFields([{ field: 'dueOn', code: 'invalid_date', message: { zh: `完成时限须为${plan.year}年1月1日以后的日期`, en: `the due date must be on or after 1 January ${plan.year}` } }]);
    }
    if (changes.title !== undefined && changes.title.trim().length === 0) throw invalidFields([{ field: 'title', code: 'required', message: { zh: '请填写任务标题', en: 'enter the task title' } }]);
    const cooperating = changes.cooperatingDepartmentIds;
    if (changes.leadDepartmentId != null) await requireDepartments(trx, plan.org_id, [changes.leadDepartmentId], 'leadDepartmentId');
    if (cooperating) {
      await requireDepartments(trx, plan.org_id, cooperating, 'cooperatingDepartmentIds');
      const lead = changes.leadDepartmentId === undefined ? task.lead_department_id : changes.leadDepartmentId;
      if (lead !== null && cooperating.includes(lead)) throw invalidFields([{ field: 'cooperatingDepartmentIds', code: 'lead_also_cooperating', message: { zh: '牵头部门不必再列为配合部门', en: 'the lead department is not also a cooperating one' } }]);
    }
    const after = await trx.updateTable('plan_task').set({
      title: changes.title?.trim() ?? task.title,
      weight: changes.weight ?? task.weight,
      due_on: changes.dueOn === undefined ? task.due_on : changes.dueOn,
      lead_department_id: changes.leadDepartmentId === undefined ? task.lead_department_id : changes.leadDepartmentId,
      updated_at: new Date().toISOString(),
    }).where('id', '=', taskId).returningAll().executeTakeFirstOrThrow();
    if (cooperating) {
      await trx.deleteFrom('plan_task_department').where('task_id', '=', taskId).execute();
      const unique = [...new Set(cooperating)];
      if (unique.length > 0) await trx.insertInto('plan_task_department').values(unique.map((department_id) => ({ task_id: taskId, department_id }))).execute();
    }
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'workplan.task.update', orgPath: plan.org_path, targetType: 'plan_task', targetId: taskId, targetLabel: after.title,
      before: { title: task.title, weight: task.weight, dueOn: task.due_on, lead: task.lead_department_id },
      after: { title: after.title, weight: after.weight, dueOn: after.due_on, lead: after.lead_department_id, cooperating },
    });
  });
}

/** A section's weight in the plan's progress. */
export async function updateSection(ctx: ServiceContext, sectionId: number, changes: { weight: number }): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const section = await trx.selectFrom('plan_section').selectAll().where('id', '=', sectionId).executeTakeFirst();
    if (!section) throw new AppError('NOT_FOUND');
    const view = await requirePlanView(trx, ctx.scope, section.plan_id);
    requireOwner(view);
    requireActivePlan(view.plan);
    await trx.updateTable('plan_section').set({ weight: changes.weight }).where('id', '=', sectionId).execute();
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'workplan.section.update', orgPath: view.plan.org_path, targetType: 'plan_section', targetId: sectionId, targetLabel: section.title, before: { weight: section.weight }, after: changes });
  });
}

/** 年终评价: a 0–100 score and a comment per task, by the plan's committee. */
export async function evaluateTask(ctx: ServiceContext, taskId: number, input: { score: number; comment: string | null }): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const view = await requireTaskView(trx, ctx.scope, taskId);
    requireOwner(view);
    const now = new Date().toISOString();
    await trx.updateTable('plan_task').set({ evaluation_score: input.score, evaluation_comment: input.comment, evaluated_by: ctx.actor.username, evaluated_at: now, updated_at: now }).where('id', '=', taskId).execute();
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'workplan.task.evaluate', orgPath: view.plan.org_path, targetType: 'plan_task', targetId: taskId, targetLabel: view.task.title,
      before: { score: view.task.evaluation_score, comment: view.task.evaluation_comment }, after: input,
    });
  });
}

/** Archive a plan (read-only afterwards) or make it active again. */
export async function setPlanStatus(ctx: ServiceContext, planId: number, status: 'active' | 'archived'): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const view = await requirePlanView(trx, ctx.scope, planId);
    requireOwner(view);
    await trx.updateTable('work_plan').set({ status, updated_at: new Date().toISOString() }).where('id', '=', planId).execute();
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'workplan.status', orgPath: view.plan.org_path, targetType: 'work_plan', targetId: planId, targetLabel: view.plan.title, before: { status: view.plan.status }, after: { status } });
  });
}

/**
 * Delete a plan imported by mistake. Only while nobody has reported on it: once work is recorded
 * against it, the plan is archived instead, so the record stays.
 */
export async function deletePlan(ctx: ServiceContext, planId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const view = await requirePlanView(trx, ctx.scope, planId);
    requireOwner(view);
    const taskIds = trx.selectFrom('plan_task').select('id').where('plan_id', '=', planId);
    const report = await trx.selectFrom('plan_report').select('id').where('task_id', 'in', taskIds).limit(1).executeTakeFirst();
    if (report) throw new AppError('WORKPLAN_REFUSED', { message: { zh: '该工作要点已有进展报送，不能删除；如不再使用请归档', en: 'progress was already reported on this plan; archive it instead' }, extra: { reason: 'has_reports' } });
    const assignmentIds = trx.selectFrom('plan_assignment').select('id').where('task_id', 'in', taskIds);
    const targetIds = trx.selectFrom('plan_target').select('id').where('task_id', 'in', taskIds);
    await trx.deleteFrom('plan_quota').where((eb) => eb.or([eb('assignment_id', 'in', assignmentIds), eb('target_id', 'in', targetIds)])).execute();
    await trx.deleteFrom('plan_attachment').where('task_id', 'in', taskIds).execute();
    await trx.deleteFrom('plan_remark').where('task_id', 'in', taskIds).execute();
    // Sub-assignments point at their parents: unlink them first, whatever the depth.
    await trx.updateTable('plan_assignment').set({ parent_id: null }).where('task_id', 'in', taskIds).execute();
    await trx.deleteFrom('plan_assignment').where('task_id', 'in', taskIds).execute();
    for (const table of ['plan_milestone', 'plan_target', 'plan_task_tag', 'plan_task_department'] as const) {
      await trx.deleteFrom(table).where('task_id', 'in', taskIds).execute();
    }
    await trx.deleteFrom('plan_task').where('plan_id', '=', planId).execute();
    await trx.deleteFrom('plan_section').where('plan_id', '=', planId).execute();
    await trx.deleteFrom('work_plan').where('id', '=', planId).execute();
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'workplan.delete', orgPath: view.plan.org_path, targetType: 'work_plan', targetId: planId, targetLabel: view.plan.title, detail: { year: view.plan.year } });
  });
}
