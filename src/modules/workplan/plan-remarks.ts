import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { PlanRemarkRow } from '../../platform/db/schema.ts';
import { AppError, invalidFields } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { requireTaskView } from './plan-access.ts';
import { requireReportingOrg } from './report-rights.ts';
import { speaksForLevel } from './task-rights.ts';
import type { RemarkKind } from './workplan-enums.ts';

/**
 * 督办: a reminder goes to an organization the task was assigned to by someone the post speaks
 * for (the plan's committee to its top-level assignees, a city to the counties it split the task
 * to); a comment is left on the task as the plan's committee or as an assignee.
 */
export async function addRemark(ctx: ServiceContext, taskId: number, input: { kind: RemarkKind; orgId: number; text: string }): Promise<PlanRemarkRow> {
  if (input.text.trim().length === 0) throw invalidFields([{ field: 'text', code: 'required', message: { zh: '请填写督办意见', en: 'write the remark' } }]);
  return ctx.db.transaction().execute(async (trx) => {
    const view = await requireTaskView(trx, ctx.scope, taskId);
    let orgPath: string;
    if (input.kind === 'reminder') {
      const assignment = view.assignments.find((a) => a.org_id === input.orgId);
      if (!assignment) throw new AppError('NOT_FOUND');
      const parent = assignment.parent_id === null ? null : view.assignments.find((a) => a.id === assignment.parent_id)
        ?? await trx.selectFrom('plan_assignment').selectAll().where('id', '=', assignment.parent_id).executeTakeFirstOrThrow();
      if (!speaksForLevel(ctx.scope, view, parent)) {
        throw new AppError('FORBIDDEN', { message: { zh: '只能向本级分解下达的单位发督办提醒', en: 'reminders go to organizations the task was assigned to from your level' } });
      }
      orgPath = assignment.org_path;
    } else {
      orgPath = requireReportingOrg(view, input.orgId).orgPath;
    }
    const row = await trx.insertInto('plan_remark').values({
      task_id: taskId, org_id: input.orgId, org_path: orgPath, kind: input.kind, text: input.text.trim(), created_by: ctx.actor.username, created_at: new Date().toISOString(), answered_at: null,
    }).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: `workplan.${input.kind}`, orgPath, targetType: 'plan_remark', targetId: row.id, targetLabel: view.task.title, detail: { taskId, orgId: input.orgId } });
    return row;
  });
}
