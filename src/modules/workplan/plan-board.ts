import { sql } from 'kysely';
import type { Database, PlanSectionRow } from '../../platform/db/schema.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { scopePredicate } from '../../platform/scope/data-scope.ts';
import { MetricCache } from './metrics/metric-registry.ts';
import { assignmentInScope, requirePlanView } from './plan-access.ts';
import { ProgressCalculator, type TaskProgress } from './progress/compute-progress.ts';
import { loadProgressFacts } from './progress/progress-facts.ts';
import { percentOf, weightedMean } from './progress/progress-math.ts';
import type { TaskState } from './workplan-enums.ts';
import { monthInChina } from '../../platform/time/months.ts';

type ReadCtx = Pick<ServiceContext, 'db' | 'scope'>;

/** A plan in a list. */
export type PlanSummary = {
  id: number; orgId: number; orgName: string; year: number; title: string; status: string; owner: boolean;
  tasks: number; percent: number; states: Record<TaskState, number>;
} & OwnOrgWork;

/** What waits for the post's own organization on a plan (as in its 待办). */
export type OwnOrgWork = {
  /** 督办提醒 addressed to it and not yet answered by a report. */
  openReminders: number;
  /** Tasks assigned to it without its report for this month (active plans of this year only). */
  reportsDueThisMonth: number;
};

/** A task on the board. */
export type BoardTask = {
  id: number; sectionId: number; position: number; title: string; dueOn: string | null; weight: number;
  leadDepartmentId: number | null; leadDepartment: string | null; tags: string[];
  targets: number; proposedTargets: number; assignments: number;
  progress: Omit<TaskProgress, 'units'>;
  evaluationScore: number | null;
  /** Unanswered reminders on the task to organizations in view, and those to the post's own organization. */
  openReminders: number;
  remindersToOwnOrg: number;
  /** Someone in view reported on the task for this month. */
  reportedThisMonth: boolean;
  /** The task is assigned to the post's own organization, which has not reported for this month. */
  dueThisMonth: boolean;
};

export type BoardSection = { id: number; ordinal: string; title: string; weight: number; percent: number; tasks: BoardTask[] };

/** 工作要点看板: sections with their tasks and progress, rolled up to the plan. */
export type PlanBoard = {
  plan: { id: number; orgId: number; orgName: string; year: number; title: string; generalIdea: string; status: string; sourceName: string | null; createdAt: string };
  owner: boolean;
  percent: number;
  states: Record<TaskState, number>;
  /** 年终评价 so far: tasks scored among those shown, and their mean score. */
  evaluation: { scored: number; averageScore: number | null };
  ownOrg: OwnOrgWork;
  sections: BoardSection[];
};

const noStates = (): Record<TaskState, number> => ({ done: 0, on_track: 0, lagging: 0, overdue: 0 });

/** The board: every task the post sees with its progress; sections and the plan weigh their tasks. */
export async function planBoard(ctx: ReadCtx, planId: number, options: { sectionId?: number } = {}): Promise<PlanBoard> {
  const view = await requirePlanView(ctx.db, ctx.scope, planId);
  const { plan, owner } = view;
  const facts = await loadProgressFacts(ctx.db, { plan, owner, scope: ctx.scope });
  const calculator = new ProgressCalculator(facts, new MetricCache(ctx.db));
  const [sections, departments, tags, org] = await Promise.all([
    ctx.db.selectFrom('plan_section').selectAll().where('plan_id', '=', plan.id).orderBy('position').execute(),
    ctx.db.selectFrom('work_department').select(['id', 'name']).where('org_id', '=', plan.org_id).execute(),
    ctx.db.selectFrom('plan_task_tag').innerJoin('plan_task', 'plan_task.id', 'plan_task_tag.task_id').select(['plan_task_tag.task_id', 'plan_task_tag.tag'])
      .where('plan_task.plan_id', '=', plan.id).orderBy('plan_task_tag.task_id').execute(),
    ctx.db.selectFrom('organization').select('name').where('id', '=', plan.org_id).executeTakeFirstOrThrow(),
  ]);
  const departmentNames = new Map(departments.map((d) => [d.id, d.name]));
  const month = monthInChina();
  const ownOrgId = ctx.scope.orgId;
  const taskIds = facts.tasks.length ? facts.tasks.map((t) => t.id) : [-1];
  let reminderQuery = ctx.db.selectFrom('plan_remark').select(['task_id', 'org_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('task_id', 'in', taskIds).where('kind', '=', 'reminder').where('answered_at', 'is', null);
  if (!owner) reminderQuery = reminderQuery.where(scopePredicate<Database, 'plan_remark'>(ctx.scope, { path: 'plan_remark.org_path', orgId: 'plan_remark.org_id' }));
  let monthQuery = ctx.db.selectFrom('plan_report').select(['task_id', 'org_id']).where('task_id', 'in', taskIds).where('period', '=', month);
  if (!owner) monthQuery = monthQuery.where(scopePredicate<Database, 'plan_report'>(ctx.scope, { path: 'plan_report.org_path', orgId: 'plan_report.org_id' }));
  const [reminders, monthReports] = await Promise.all([reminderQuery.groupBy(['task_id', 'org_id']).execute(), monthQuery.execute()]);
  const currentPlan = plan.status === 'active' && month.startsWith(`${plan.year}-`);
  const tagsByTask = new Map<number, string[]>();
  for (const t of tags) tagsByTask.set(t.task_id, [...(tagsByTask.get(t.task_id) ?? []), t.tag]);
  const states = noStates();
  const boardSections: BoardSection[] = [];
  const sectionParts: { fraction: number; weight: number }[] = [];
  for (const section of sections as PlanSectionRow[]) {
    if (options.sectionId !== undefined && section.id !== options.sectionId) continue;
    const tasks: BoardTask[] = [];
    const parts: { fraction: number; weight: number }[] = [];
    for (const task of facts.tasks.filter((t) => t.section_id === section.id)) {
      const { units, ...progress } = await calculator.task(task);
      const targets = facts.targetsByTask.get(task.id) ?? [];
      states[progress.state]++;
      parts.push({ fraction: progress.fraction, weight: Number(task.weight) });
      tasks.push({
        id: task.id, sectionId: section.id, position: task.position, title: task.title, dueOn: task.due_on, weight: Number(task.weight),
        leadDepartmentId: task.lead_department_id, leadDepartment: task.lead_department_id === null ? null : departmentNames.get(task.lead_department_id) ?? null,
        tags: tagsByTask.get(task.id) ?? [], targets: targets.filter((t) => t.status === 'confirmed').length, proposedTargets: targets.filter((t) => t.status === 'proposed').length,
        assignments: units.length, progress, evaluationScore: task.evaluation_score,
        openReminders: reminders.filter((r) => r.task_id === task.id).reduce((n, r) => n + Number(r.n), 0),
        remindersToOwnOrg: reminders.filter((r) => r.task_id === task.id && r.org_id === ownOrgId).reduce((n, r) => n + Number(r.n), 0),
        reportedThisMonth: monthReports.some((r) => r.task_id === task.id),
        dueThisMonth: currentPlan && units.some((u) => u.orgId === ownOrgId) && !monthReports.some((r) => r.task_id === task.id && r.org_id === ownOrgId),
      });
    }
    if (tasks.length === 0) continue;
    const fraction = weightedMean(parts) ?? 0;
    sectionParts.push({ fraction, weight: Number(section.weight) });
    boardSections.push({ id: section.id, ordinal: section.ordinal, title: section.title, weight: Number(section.weight), percent: percentOf(fraction), tasks });
  }
  const shown = boardSections.flatMap((s) => s.tasks);
  const scores = shown.map((t) => t.evaluationScore).filter((x): x is number => x !== null);
  return {
    plan: { id: plan.id, orgId: plan.org_id, orgName: org.name, year: plan.year, title: plan.title, generalIdea: plan.general_idea, status: plan.status, sourceName: plan.source_name, createdAt: plan.created_at },
    owner, percent: percentOf(weightedMean(sectionParts) ?? 0), states,
    evaluation: { scored: scores.length, averageScore: scores.length === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 },
    ownOrg: { openReminders: shown.reduce((n, t) => n + t.remindersToOwnOrg, 0), reportsDueThisMonth: shown.filter((t) => t.dueThisMonth).length },
    sections: boardSections,
  };
}

/** Plans the post sees (owned in scope, or with a task assigned into it), newest year first. */
export async function listPlans(ctx: ReadCtx, request: { year?: number }): Promise<PlanSummary[]> {
  let query = ctx.db.selectFrom('work_plan').select('work_plan.id')
    .where((eb) => eb.or([
      scopePredicate<Database, 'work_plan'>(ctx.scope, { path: 'work_plan.org_path', orgId: 'work_plan.org_id' })(eb),
      eb.exists(eb.selectFrom('plan_assignment').innerJoin('plan_task', 'plan_task.id', 'plan_assignment.task_id')
        .select(sql<number>`1`.as('one')).whereRef('plan_task.plan_id', '=', 'work_plan.id').where(assignmentInScope(ctx.scope))),
    ]));
  if (request.year !== undefined) query = query.where('work_plan.year', '=', request.year);
  const ids = await query.orderBy('work_plan.year', 'desc').orderBy('work_plan.org_path').limit(100).execute();
  const summaries: PlanSummary[] = [];
  for (const { id } of ids) {
    const board = await planBoard(ctx, id);
    summaries.push({
      id, orgId: board.plan.orgId, orgName: board.plan.orgName, year: board.plan.year, title: board.plan.title, status: board.plan.status,
      owner: board.owner, tasks: board.sections.reduce((s, x) => s + x.tasks.length, 0), percent: board.percent, states: board.states, ...board.ownOrg,
    });
  }
  return summaries;
}

