import type { Database } from '../../platform/db/schema.ts';
import { scopePredicate } from '../../platform/scope/data-scope.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { findMetric, MetricCache } from './metrics/metric-registry.ts';
import { requireTaskView } from './plan-access.ts';
import { taskRights } from './task-rights.ts';
import { ProgressCalculator, type TaskProgress } from './progress/compute-progress.ts';
import { loadProgressFacts } from './progress/progress-facts.ts';

type ReadCtx = Pick<ServiceContext, 'db' | 'scope'>;

export type TargetDto = {
  id: number; position: number; label: string; sourceText: string | null; value: number; unit: string; comparator: string;
  status: string; origin: string; metricKey: string | null; metricName: string | null; weight: number;
};

/** One task with everything a post in view may see: targets, assignments, milestones, reports, remarks. */
export async function taskDetail(ctx: ReadCtx, taskId: number, permissions: ReadonlySet<string> = new Set()) {
  const view = await requireTaskView(ctx.db, ctx.scope, taskId);
  const { plan, owner, task } = view;
  const facts = await loadProgressFacts(ctx.db, { plan, owner, scope: ctx.scope }, [task.id]);
  const progress: TaskProgress = await new ProgressCalculator(facts, new MetricCache(ctx.db)).task(task);
  const reportsInView = owner ? undefined : scopePredicate<Database, 'plan_report'>(ctx.scope, { path: 'plan_report.org_path', orgId: 'plan_report.org_id' });
  let reportQuery = ctx.db.selectFrom('plan_report').leftJoin('organization', 'organization.id', 'plan_report.org_id').leftJoin('work_department', 'work_department.id', 'plan_report.department_id')
    .select(['plan_report.id', 'plan_report.org_id', 'organization.name as org_name', 'plan_report.department_id', 'work_department.name as department_name', 'plan_report.kind', 'plan_report.period', 'plan_report.text', 'plan_report.percent', 'plan_report.created_by', 'plan_report.created_at'])
    .where('plan_report.task_id', '=', task.id);
  if (reportsInView) reportQuery = reportQuery.where(reportsInView);
  let remarkQuery = ctx.db.selectFrom('plan_remark').leftJoin('organization', 'organization.id', 'plan_remark.org_id')
    .select(['plan_remark.id', 'plan_remark.org_id', 'organization.name as org_name', 'plan_remark.kind', 'plan_remark.text', 'plan_remark.created_by', 'plan_remark.created_at', 'plan_remark.answered_at'])
    .where('plan_remark.task_id', '=', task.id);
  if (!owner) remarkQuery = remarkQuery.where(scopePredicate<Database, 'plan_remark'>(ctx.scope, { path: 'plan_remark.org_path', orgId: 'plan_remark.org_id' }));
  const [section, targets, tags, cooperating, lead, milestones, reports, remarks, org] = await Promise.all([
    ctx.db.selectFrom('plan_section').select(['id', 'ordinal', 'title']).where('id', '=', task.section_id).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('plan_target').selectAll().where('task_id', '=', task.id).orderBy('position').execute(),
    ctx.db.selectFrom('plan_task_tag').select('tag').where('task_id', '=', task.id).execute(),
    ctx.db.selectFrom('plan_task_department').innerJoin('work_department', 'work_department.id', 'plan_task_department.department_id')
      .select(['work_department.id', 'work_department.name']).where('plan_task_department.task_id', '=', task.id).orderBy('work_department.position').execute(),
    task.lead_department_id === null ? undefined : ctx.db.selectFrom('work_department').select(['id', 'name']).where('id', '=', task.lead_department_id).executeTakeFirst(),
    ctx.db.selectFrom('plan_milestone').selectAll().where('task_id', '=', task.id).orderBy('due_on').orderBy('id').execute(),
    reportQuery.orderBy('plan_report.id', 'desc').limit(200).execute(),
    remarkQuery.orderBy('plan_remark.id', 'desc').limit(200).execute(),
    ctx.db.selectFrom('organization').select('name').where('id', '=', plan.org_id).executeTakeFirstOrThrow(),
  ]);
  const reportIds = reports.length ? reports.map((r) => r.id) : [-1];
  const parentIds = [...new Set(view.assignments.map((a) => a.parent_id).filter((id): id is number => id !== null))];
  const [figures, attachments, quotas, parents, openReminders] = await Promise.all([
    ctx.db.selectFrom('plan_report_figure').selectAll().where('report_id', 'in', reportIds).execute(),
    ctx.db.selectFrom('plan_attachment').select(['id', 'report_id', 'file_name', 'content_type', 'bytes']).where('report_id', 'in', reportIds).execute(),
    view.assignments.length === 0 ? [] : ctx.db.selectFrom('plan_quota').selectAll().where('assignment_id', 'in', view.assignments.map((a) => a.id)).execute(),
    parentIds.length === 0 ? [] : ctx.db.selectFrom('plan_assignment').select(['id', 'org_id', 'org_path']).where('id', 'in', parentIds).execute(),
    ctx.db.selectFrom('plan_remark').select(['org_id', (eb) => eb.fn.countAll<number>().as('n')]).where('task_id', '=', task.id).where('kind', '=', 'reminder').where('answered_at', 'is', null).groupBy('org_id').execute(),
  ]);
  const rights = taskRights(ctx.scope, view, permissions, new Map(parents.map((p) => [p.id, p])));
  const remindersOf = new Map(openReminders.map((r) => [r.org_id, Number(r.n)]));
  const unitOf = new Map(progress.units.map((u) => [u.assignmentId, u]));
  return {
    plan: { id: plan.id, orgId: plan.org_id, orgName: org.name, year: plan.year, title: plan.title, status: plan.status },
    owner,
    /** What the post may do here: the same rules the writes check. */
    rights: { edit: rights.edit, report: rights.report, evaluate: rights.evaluate, reportingOrgIds: rights.reportingOrgIds, assignFrom: rights.assignFrom },
    task: {
      id: task.id, position: task.position, title: task.title, body: task.body, weight: Number(task.weight), dueOn: task.due_on,
      section, tags: tags.map((t) => t.tag), leadDepartment: lead ?? null, cooperatingDepartments: cooperating,
      evaluation: task.evaluation_score === null ? null : { score: task.evaluation_score, comment: task.evaluation_comment, by: task.evaluated_by, at: task.evaluated_at },
    },
    progress: { ...progress, units: undefined },
    targets: targets.map((t): TargetDto => ({
      id: t.id, position: t.position, label: t.label, sourceText: t.source_text, value: Number(t.value), unit: t.unit, comparator: t.comparator,
      status: t.status, origin: t.origin, metricKey: t.metric_key, metricName: t.metric_key ? findMetric(t.metric_key)?.zh ?? null : null, weight: Number(t.weight),
    })),
    assignments: view.assignments.map((a) => {
      const unit = unitOf.get(a.id)!;
      return {
        id: a.id, orgId: a.org_id, orgName: unit.orgName, parentId: a.parent_id, note: a.note, createdAt: a.created_at,
        openReminders: remindersOf.get(a.org_id) ?? 0, ...rights.assignments[a.id]!,
        quotas: quotas.filter((q) => q.assignment_id === a.id).map((q) => ({ targetId: q.target_id, quota: Number(q.quota) })),
        progress: { percent: unit.percent, source: unit.source, state: unit.state, stale: unit.stale, lastReportAt: unit.lastReportAt, targets: unit.targets },
      };
    }),
    milestones: milestones.map((m) => ({ id: m.id, title: m.title, dueOn: m.due_on, doneOn: m.done_on, doneBy: m.done_by })),
    reports: reports.map((r) => ({
      id: r.id, orgId: r.org_id, orgName: r.org_name ?? '', departmentId: r.department_id, departmentName: r.department_name ?? null,
      kind: r.kind, period: r.period, text: r.text, percent: r.percent, createdBy: r.created_by, createdAt: r.created_at,
      figures: figures.filter((f) => f.report_id === r.id).map((f) => ({ targetId: f.target_id, value: Number(f.value) })),
      attachments: attachments.filter((a) => a.report_id === r.id).map((a) => ({ id: a.id, fileName: a.file_name, contentType: a.content_type, bytes: a.bytes })),
    })),
    remarks: remarks.map((r) => ({ id: r.id, orgId: r.org_id, orgName: r.org_name ?? '', kind: r.kind, text: r.text, createdBy: r.created_by, createdAt: r.created_at, answeredAt: r.answered_at })),
  };
}
