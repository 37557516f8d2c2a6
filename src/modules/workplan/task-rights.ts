import type { PlanAssignmentRow } from '../../platform/db/schema.ts';
import { scopeContainsPath, type DataScope } from '../../platform/scope/data-scope.ts';
import type { TaskView } from './plan-access.ts';

/**
 * Whether the post speaks for the level an assignment is made from: the plan's committee (its
 * owner) for top-level assignments; for one split from another, whoever sees the one it was split
 * from (a city for its counties). The plan's owner speaks for every level.
 */
export function speaksForLevel(scope: DataScope, view: Pick<TaskView, 'owner'>, parent: Pick<PlanAssignmentRow, 'org_path' | 'org_id'> | null): boolean {
  if (view.owner) return true;
  return parent !== null && scopeContainsPath(scope, parent.org_path, parent.org_id);
}

/** The organizations the post reports and comments for: the plan's committee when it owns the plan, and the assigned organizations in view. */
export function reportingOrgIds(view: TaskView): number[] {
  return [...new Set([...(view.owner ? [view.plan.org_id] : []), ...view.assignments.map((a) => a.org_id)])];
}

/** What a post may do on a task; the services check the same rules on every write. */
export type TaskRights = {
  edit: boolean;
  report: boolean;
  evaluate: boolean;
  reportingOrgIds: number[];
  /** Levels the post may assign from: null for the plan's committee, else the assignment to split. */
  assignFrom: (number | null)[];
  /** Per assignment in view: may the post remind it, may it withdraw it. */
  assignments: Record<number, { mayRemind: boolean; mayRemove: boolean }>;
};

export function taskRights(scope: DataScope, view: TaskView, permissions: ReadonlySet<string>, parents: Map<number, Pick<PlanAssignmentRow, 'org_path' | 'org_id'>>): TaskRights {
  const active = view.plan.status === 'active';
  const manage = permissions.has('workplan.manage') && active;
  const inView = new Set(view.assignments.map((a) => a.id));
  const parentOf = (a: PlanAssignmentRow) => (a.parent_id === null ? null : parents.get(a.parent_id) ?? null);
  const tops = view.assignments.filter((a) => a.parent_id === null || !inView.has(a.parent_id));
  const reporting = reportingOrgIds(view);
  return {
    edit: view.owner && manage,
    report: permissions.has('workplan.report') && active && reporting.length > 0,
    evaluate: view.owner && permissions.has('workplan.supervise'),
    reportingOrgIds: reporting,
    assignFrom: !manage ? [] : view.owner ? [null] : tops.map((a) => a.id),
    assignments: Object.fromEntries(view.assignments.map((a) => {
      const fromOwnLevel = speaksForLevel(scope, view, parentOf(a));
      return [a.id, { mayRemind: permissions.has('workplan.supervise') && fromOwnLevel, mayRemove: manage && fromOwnLevel }];
    })),
  };
}
