import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { PlanReportRow } from '../../platform/db/schema.ts';
import { invalidFields, type FieldError } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { isMonth, monthInChina } from '../../platform/time/months.ts';
import { requireDepartments } from './departments.ts';
import { requireActivePlan, requireTaskView } from './plan-access.ts';
import { requireReportingOrg } from './report-rights.ts';
import type { ReportKind } from './workplan-enums.ts';

export type ReportInput = {
  orgId: number;
  departmentId: number | null;
  kind: ReportKind;
  period: string;
  text: string;
  percent: number | null;
  figures: { targetId: number; value: number }[];
  attachmentIds: number[];
};

/**
 * 报送进展: text, the figures of targets nobody computes yet, the share done, and attachments
 * uploaded before. Reminders to the organization on the task count as answered.
 */
export async function createReport(ctx: ServiceContext, taskId: number, input: ReportInput): Promise<PlanReportRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const view = await requireTaskView(trx, ctx.scope, taskId);
    requireActivePlan(view.plan);
    const org = requireReportingOrg(view, input.orgId);
    const problems: FieldError[] = [];
    const thisMonth = monthInChina();
    if (!isMonth(input.period) || !input.period.startsWith(`${view.plan.year}-`) || input.period > thisMonth) {
      problems.push({ field: 'period', code: 'invalid_period', message: { zh: `报送月份须为${view.plan.year}年内、不晚于本月`, en: `the month must be in ${view.plan.year} and not after this month` } });
    }
    if (input.text.trim().length === 0) problems.push({ field: 'text', code: 'required', message: { zh: '请填写进展情况', en: 'describe the progress' } });
    if (input.departmentId !== null && org.orgId !== view.plan.org_id) {
      problems.push({ field: 'departmentId', code: 'not_owner_department', message: { zh: '部门只在工作要点所属团委报送时填写', en: 'a department is given only when the plan\'s committee reports' } });
    }
    const targets = new Map((await trx.selectFrom('plan_target').select(['id', 'label', 'metric_key', 'status']).where('task_id', '=', taskId).execute()).map((t) => [t.id, t]));
    input.figures.forEach((f, i) => {
      const target = targets.get(f.targetId);
      if (!target) problems.push({ field: `figures[${i}].targetId`, code: 'unknown_target', message: { zh: '不是本任务的指标', en: 'not a target of this task' } });
      else if (target.metric_key) problems.push({ field: `figures[${i}].value`, code: 'computed', message: { zh: `“${target.label}”由系统根据业务数据自动计算，无需填报`, en: 'this figure is computed from the data the system holds; it is not reported' } });
    });
    if (new Set(input.figures.map((f) => f.targetId)).size !== input.figures.length) problems.push({ field: 'figures', code: 'duplicate', message: { zh: '同一指标只能填一个数', en: 'one figure per target' } });
    if (problems.length > 0) throw invalidFields(problems);
    if (input.departmentId !== null) await requireDepartments(trx, view.plan.org_id, [input.departmentId], 'departmentId');
    const attachments = input.attachmentIds.length === 0 ? [] : await trx.selectFrom('plan_attachment').select(['id', 'report_id', 'org_id'])
      .where('id', 'in', input.attachmentIds).where('task_id', '=', taskId).execute();
    const usable = new Set(attachments.filter((a) => a.report_id === null && a.org_id === org.orgId).map((a) => a.id));
    const badAttachment = input.attachmentIds.findIndex((id) => !usable.has(id));
    if (badAttachment >= 0) throw invalidFields([{ field: `attachmentIds[${badAttachment}]`, code: 'unknown_attachment', message: { zh: '附件不存在或已用于其他报送，请重新上传', en: 'the attachment does not exist or belongs to another report; upload it again' } }]);

    const now = new Date().toISOString();
    const report = await trx.insertInto('plan_report').values({
      task_id: taskId, org_id: org.orgId, org_path: org.orgPath, department_id: input.departmentId, kind: input.kind, period: input.period,
      text: input.text.trim(), percent: input.percent, created_by: ctx.actor.username, created_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    if (input.figures.length > 0) await trx.insertInto('plan_report_figure').values(input.figures.map((f) => ({ report_id: report.id, target_id: f.targetId, value: f.value }))).execute();
    if (input.attachmentIds.length > 0) await trx.updateTable('plan_attachment').set({ report_id: report.id }).where('id', 'in', input.attachmentIds).execute();
    await trx.updateTable('plan_remark').set({ answered_at: now }).where('task_id', '=', taskId).where('org_id', '=', org.orgId).where('kind', '=', 'reminder').where('answered_at', 'is', null).execute();
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'workplan.report', orgPath: org.orgPath, targetType: 'plan_report', targetId: report.id, targetLabel: view.task.title,
      detail: { taskId, period: input.period, kind: input.kind, percent: input.percent, figures: input.figures, attachments: input.attachmentIds.length },
    });
    return report;
  });
}
