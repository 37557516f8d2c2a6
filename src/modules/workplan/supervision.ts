import type { Database } from '../../platform/db/schema.ts';
import { scopePredicate } from '../../platform/scope/data-scope.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { MetricCache } from './metrics/metric-registry.ts';
import { requirePlanView } from './plan-access.ts';
import { ProgressCalculator, type UnitProgress } from './progress/compute-progress.ts';
import { loadProgressFacts } from './progress/progress-facts.ts';
import type { TaskState } from './workplan-enums.ts';
import { speaksForLevel } from './task-rights.ts';

type ReadCtx = Pick<ServiceContext, 'db' | 'scope'>;

/** A task (for the committee, or for one organization) that needs attention. */
export type SupervisionItem = {
  taskId: number; taskTitle: string; sectionOrdinal: string; leadDepartment: string | null;
  orgId: number; orgName: string; assignmentId: number | null; parentAssignmentId: number | null;
  /** Whether the post may send this organization a 督办提醒 (it speaks for the level that assigned it). */
  mayRemind: boolean;
  percent: number; expectedPercent: number; state: TaskState; stale: boolean; dueOn: string | null; lastReportAt: string | null; openReminders: number;
};

/** Counts for one department or organization. */
export type SupervisionGroup = { id: number | null; name: string | null; tasks: number; done: number; lagging: number; overdue: number; stale: number; averagePercent: number };

function tally(groups: Map<string, SupervisionGroup & { sum: number }>, key: string, id: number | null, name: string | null, u: { state: TaskState; stale: boolean; percent: number }) {
  const g = groups.get(key) ?? { id, name, tasks: 0, done: 0, lagging: 0, overdue: 0, stale: 0, averagePercent: 0, sum: 0 };
  g.tasks++;
  if (u.state === 'done') g.done++;
  if (u.state === 'lagging') g.lagging++;
  if (u.state === 'overdue') g.overdue++;
  if (u.stale) g.stale++;
  g.sum += u.percent;
  groups.set(key, g);
}

function finish(groups: Map<string, SupervisionGroup & { sum: number }>): SupervisionGroup[] {
  return [...groups.values()].map(({ sum, ...g }) => ({ ...g, averagePercent: g.tasks === 0 ? 0 : Math.round(sum / g.tasks) }))
    .sort((a, b) => b.overdue + b.lagging + b.stale - (a.overdue + a.lagging + a.stale) || a.averagePercent - b.averagePercent);
}

/**
 * 督办: lagging, overdue and silent tasks of a plan, for the committee and for each organization
 * in view, counted by lead department (the committee only) and by organization.
 */
export async function planSupervision(ctx: ReadCtx, planId: number, permissions: ReadonlySet<string> = new Set()) {
  const view = await requirePlanView(ctx.db, ctx.scope, planId);
  const facts = await loadProgressFacts(ctx.db, { ...view, scope: ctx.scope });
  const calculator = new ProgressCalculator(facts, new MetricCache(ctx.db));
  let reminders = ctx.db.selectFrom('plan_remark').innerJoin('plan_task', 'plan_task.id', 'plan_remark.task_id')
    .select(['plan_remark.task_id', 'plan_remark.org_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('plan_task.plan_id', '=', planId).where('plan_remark.kind', '=', 'reminder').where('plan_remark.answered_at', 'is', null);
  if (!view.owner) reminders = reminders.where(scopePredicate<Database, 'plan_remark'>(ctx.scope, { path: 'plan_remark.org_path', orgId: 'plan_remark.org_id' }));
  const [sections, departments, open] = await Promise.all([
    ctx.db.selectFrom('plan_section').select(['id', 'ordinal']).where('plan_id', '=', planId).execute(),
    ctx.db.selectFrom('work_department').select(['id', 'name']).where('org_id', '=', view.plan.org_id).execute(),
    reminders.groupBy(['plan_remark.task_id', 'plan_remark.org_id']).execute(),
  ]);
  const ordinal = new Map(sections.map((s) => [s.id, s.ordinal]));
  const parentIds = [...new Set([...facts.assignmentsByTask.values()].flat().map((a) => a.parent_id).filter((id): id is number => id !== null))];
  const parents = new Map((parentIds.length === 0 ? [] : await ctx.db.selectFrom('plan_assignment').select(['id', 'org_id', 'org_path']).where('id', 'in', parentIds).execute()).map((p) => [p.id, p]));
  const supervise = permissions.has('workplan.supervise');
  const departmentName = new Map(departments.map((d) => [d.id, d.name]));
  const openReminders = new Map(open.map((r) => [`${r.task_id}:${r.org_id}`, Number(r.n)]));
  const items: SupervisionItem[] = [];
  const byDepartment = new Map<string, SupervisionGroup & { sum: number }>();
  const byOrg = new Map<string, SupervisionGroup & { sum: number }>();
  const orgName = facts.orgNames.get(view.plan.org_id) ?? '';
  for (const task of facts.tasks) {
    const progress = await calculator.task(task);
    const lead = task.lead_department_id === null ? null : departmentName.get(task.lead_department_id) ?? null;
    const item = (u: Pick<UnitProgress, 'percent' | 'expectedPercent' | 'state' | 'stale' | 'lastReportAt'>, org: { id: number; name: string; assignmentId: number | null; parentAssignmentId: number | null }) => {
      if (u.state !== 'lagging' && u.state !== 'overdue' && !u.stale) return;
      items.push({
        taskId: task.id, taskTitle: task.title, sectionOrdinal: ordinal.get(task.section_id) ?? '', leadDepartment: lead,
        orgId: org.id, orgName: org.name, assignmentId: org.assignmentId, parentAssignmentId: org.parentAssignmentId,
        mayRemind: supervise && org.assignmentId !== null
          && speaksForLevel(ctx.scope, view, org.parentAssignmentId === null ? null : parents.get(org.parentAssignmentId) ?? null),
        percent: u.percent, expectedPercent: u.expectedPercent, state: u.state, stale: u.stale, dueOn: task.due_on, lastReportAt: u.lastReportAt,
        openReminders: openReminders.get(`${task.id}:${org.id}`) ?? 0,
      });
    };
    if (view.owner) {
      item(progress, { id: view.plan.org_id, name: orgName, assignmentId: null, parentAssignmentId: null });
      tally(byDepartment, String(task.lead_department_id ?? 'none'), task.lead_department_id, lead, progress);
    }
    for (const u of progress.units) {
      item(u, { id: u.orgId, name: u.orgName, assignmentId: u.assignmentId, parentAssignmentId: u.parentAssignmentId });
      // The committee counts the organizations it assigned to; an assignee, every organization it sees.
      const counted = view.owner ? u.parentAssignmentId === null : true;
      if (counted) tally(byOrg, String(u.orgId), u.orgId, u.orgName, u);
    }
  }
  const rank: Record<TaskState, number> = { overdue: 0, lagging: 1, on_track: 2, done: 3 };
  items.sort((a, b) => rank[a.state] - rank[b.state] || a.percent - b.percent || a.taskId - b.taskId);
  return { planId, owner: view.owner, items, byDepartment: view.owner ? finish(byDepartment) : [], byOrg: finish(byOrg) };
}
