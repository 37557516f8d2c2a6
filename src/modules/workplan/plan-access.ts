import type { Kysely } from 'kysely';
import type { Database, PlanAssignmentRow, PlanTaskRow, WorkPlanRow } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { scopeContainsPath, scopePredicate, type DataScope } from '../../platform/scope/data-scope.ts';

/**
 * How a post sees a plan: as its owner (the plan's committee is in scope: every task, every
 * report) or as an assignee (only the tasks assigned to organizations in its scope, and only those
 * organizations' assignments and reports). Anything else answers 404.
 */
export type PlanView = { plan: WorkPlanRow; owner: boolean };

export const assignmentInScope = (scope: DataScope) => scopePredicate<Database, 'plan_assignment'>(scope, { path: 'plan_assignment.org_path', orgId: 'plan_assignment.org_id' });

export function ownsPlan(scope: DataScope, plan: Pick<WorkPlanRow, 'org_path' | 'org_id'>): boolean {
  return scopeContainsPath(scope, plan.org_path, plan.org_id);
}

export async function requirePlanView(db: Kysely<Database>, scope: DataScope, planId: number): Promise<PlanView> {
  const plan = await db.selectFrom('work_plan').selectAll().where('id', '=', planId).executeTakeFirst();
  if (!plan) throw new AppError('NOT_FOUND');
  if (ownsPlan(scope, plan)) return { plan, owner: true };
  const assigned = await db.selectFrom('plan_assignment').innerJoin('plan_task', 'plan_task.id', 'plan_assignment.task_id')
    .select('plan_assignment.id').where('plan_task.plan_id', '=', planId).where(assignmentInScope(scope)).limit(1).executeTakeFirst();
  if (!assigned) throw new AppError('NOT_FOUND');
  return { plan, owner: false };
}

/** A task as a post sees it, with the assignments of it in the post's scope. */
export type TaskView = PlanView & { task: PlanTaskRow; assignments: PlanAssignmentRow[] };

export async function requireTaskView(db: Kysely<Database>, scope: DataScope, taskId: number): Promise<TaskView> {
  const task = await db.selectFrom('plan_task').selectAll().where('id', '=', taskId).executeTakeFirst();
  if (!task) throw new AppError('NOT_FOUND');
  const plan = await db.selectFrom('work_plan').selectAll().where('id', '=', task.plan_id).executeTakeFirstOrThrow();
  const owner = ownsPlan(scope, plan);
  let query = db.selectFrom('plan_assignment').selectAll().where('task_id', '=', taskId);
  if (!owner) query = query.where(assignmentInScope(scope));
  const assignments = await query.orderBy('org_path').execute();
  if (!owner && assignments.length === 0) throw new AppError('NOT_FOUND');
  return { plan, owner, task, assignments };
}

/** Changing a plan's structure is for its own committee; an assignee that can see it gets 403. */
export function requireOwner(view: PlanView): void {
  if (!view.owner) {
    throw new AppError('FORBIDDEN', { message: { zh: '只有工作要点所属团委可以修改任务、指标和节点', en: 'only the committee that owns the plan may change its tasks, targets and milestones' } });
  }
}

/** An archived plan is read-only. */
export function requireActivePlan(plan: WorkPlanRow): void {
  if (plan.status !== 'active') {
    throw new AppError('WORKPLAN_REFUSED', { message: { zh: '该工作要点已归档，不能再修改或报送', en: 'the plan is archived and can no longer change' }, extra: { reason: 'archived' } });
  }
}
