import type { Kysely } from 'kysely';
import type { Database, PlanAssignmentRow, PlanTargetRow, PlanTaskRow, WorkPlanRow } from '../../../platform/db/schema.ts';
import { scopePredicate, type DataScope } from '../../../platform/scope/data-scope.ts';
import { todayInChina } from '../../../platform/time/china-date.ts';
import { assignmentInScope } from '../plan-access.ts';

/**
 * Everything progress is computed from, for some tasks of one plan as one post sees them: the
 * targets, the assignments and quotas in view, the latest figure and share done each organization
 * reported, and the milestones. An owner sees every report; an assignee only its organizations'.
 */
export type ProgressFacts = {
  plan: WorkPlanRow;
  owner: boolean;
  scope: DataScope;
  today: string;
  orgNames: Map<number, string>;
  tasks: PlanTaskRow[];
  targetsByTask: Map<number, PlanTargetRow[]>;
  assignmentsByTask: Map<number, PlanAssignmentRow[]>;
  quotas: Map<string, number>;
  latestFigure: Map<string, number>;
  latestPercent: Map<string, number>;
  lastReportAt: Map<string, string>;
  milestones: Map<number, { done: number; total: number; overdue: number }>;
};

export const quotaKey = (assignmentId: number, targetId: number) => `${assignmentId}:${targetId}`;
export const orgTargetKey = (orgId: number, targetId: number) => `${orgId}:${targetId}`;
export const orgTaskKey = (orgId: number, taskId: number) => `${orgId}:${taskId}`;

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

export async function loadProgressFacts(db: Kysely<Database>, view: { plan: WorkPlanRow; owner: boolean; scope: DataScope }, taskIds?: number[]): Promise<ProgressFacts> {
  const { plan, owner, scope } = view;
  let assignmentQuery = db.selectFrom('plan_assignment').innerJoin('plan_task', 'plan_task.id', 'plan_assignment.task_id').selectAll('plan_assignment').where('plan_task.plan_id', '=', plan.id);
  if (!owner) assignmentQuery = assignmentQuery.where(assignmentInScope(scope));
  if (taskIds) assignmentQuery = assignmentQuery.where('plan_assignment.task_id', 'in', taskIds.length ? taskIds : [-1]);
  const assignments = await assignmentQuery.orderBy('plan_assignment.org_path').execute();

  // An assignee sees only the tasks assigned to it.
  let taskQuery = db.selectFrom('plan_task').selectAll().where('plan_id', '=', plan.id);
  if (taskIds) taskQuery = taskQuery.where('id', 'in', taskIds.length ? taskIds : [-1]);
  let tasks = await taskQuery.orderBy('section_id').orderBy('position').execute();
  if (!owner) {
    const assigned = new Set(assignments.map((a) => a.task_id));
    tasks = tasks.filter((t) => assigned.has(t.id));
  }
  const ids = tasks.length ? tasks.map((t) => t.id) : [-1];

  const reportScope = (q: ReturnType<typeof reportsOfPlan>) => (owner ? q : q.where(scopePredicate<Database, 'plan_report'>(scope, { path: 'plan_report.org_path', orgId: 'plan_report.org_id' })));
  function reportsOfPlan() {
    return db.selectFrom('plan_report').where('plan_report.task_id', 'in', ids);
  }
  const [targets, quotas, figures, reports, milestones, orgs] = await Promise.all([
    db.selectFrom('plan_target').selectAll().where('task_id', 'in', ids).orderBy('task_id').orderBy('position').execute(),
    assignments.length === 0 ? [] : db.selectFrom('plan_quota').selectAll().where('assignment_id', 'in', assignments.map((a) => a.id)).execute(),
    reportScope(reportsOfPlan()).innerJoin('plan_report_figure', 'plan_report_figure.report_id', 'plan_report.id')
      .select(['plan_report.id', 'plan_report.org_id', 'plan_report_figure.target_id', 'plan_report_figure.value']).orderBy('plan_report.id').execute(),
    reportScope(reportsOfPlan()).select(['plan_report.id', 'plan_report.org_id', 'plan_report.task_id', 'plan_report.percent', 'plan_report.created_at']).orderBy('plan_report.id').execute(),
    db.selectFrom('plan_milestone').select(['task_id', 'due_on', 'done_on']).where('task_id', 'in', ids).execute(),
    db.selectFrom('organization').select(['id', 'name']).where('id', 'in', [plan.org_id, ...assignments.map((a) => a.org_id)]).execute(),
  ]);

  const latestFigure = new Map<string, number>();
  for (const f of figures) latestFigure.set(orgTargetKey(f.org_id, f.target_id), Number(f.value));
  const latestPercent = new Map<string, number>();
  const lastReportAt = new Map<string, string>();
  for (const r of reports) {
    if (r.percent !== null) latestPercent.set(orgTaskKey(r.org_id, r.task_id), Number(r.percent));
    lastReportAt.set(orgTaskKey(r.org_id, r.task_id), r.created_at);
  }
  const today = todayInChina();
  const milestoneCounts = new Map<number, { done: number; total: number; overdue: number }>();
  for (const m of milestones) {
    const c = milestoneCounts.get(m.task_id) ?? { done: 0, total: 0, overdue: 0 };
    c.total++;
    if (m.done_on) c.done++;
    else if (m.due_on < today) c.overdue++;
    milestoneCounts.set(m.task_id, c);
  }
  return {
    plan, owner, scope, today, tasks,
    orgNames: new Map(orgs.map((o) => [o.id, o.name])),
    targetsByTask: groupBy(targets, (t) => t.task_id),
    assignmentsByTask: groupBy(assignments, (a) => a.task_id),
    quotas: new Map(quotas.map((q) => [quotaKey(q.assignment_id, q.target_id), Number(q.quota)])),
    latestFigure, latestPercent, lastReportAt, milestones: milestoneCounts,
  };
}
