import type { Assignment, TaskDetail } from '../types/workplan';

/** The level an assignment is made from: the plan's committee (parent null) or an assignment being split. */
export type Assigner = { parentAssignmentId: number | null; orgId: number; orgName: string };

/** An organization the post reports (and comments) for on this task. */
export type ReportingOrg = { orgId: number; orgName: string };

export type TaskRights = {
  /** Change targets, division of work, milestones: the owning committee with workplan.manage, on an active plan. */
  edit: boolean;
  /** 报送进展: workplan.report, an active plan, and an organization to report for. */
  report: boolean;
  /** Write a 批示意见 (comment) as one of the reporting organizations. */
  comment: boolean;
  /** 年终评价: the owning committee with workplan.supervise. */
  evaluate: boolean;
  reportingOrgs: ReportingOrg[];
  /** Levels the post may assign from (分解下达). */
  assigners: Assigner[];
  /** 督办提醒 to the organization of this assignment. */
  mayRemind: (assignment: Assignment) => boolean;
  /** 撤销 this assignment (the server still refuses once it has reports or sub-assignments). */
  mayRemove: (assignment: Assignment) => boolean;
};

type Can = (permission: 'workplan.manage' | 'workplan.report' | 'workplan.supervise') => boolean;

/**
 * What the post may do on a task, as the server decides it (plan-access, report-rights,
 * plan-assignments, plan-remarks): the owner of the plan acts for its committee; an assignee for
 * the organizations assigned within its scope, and on the assignments split from them.
 */
export function taskRights(detail: TaskDetail, can: Can, postOrgId: number | undefined): TaskRights {
  const active = detail.plan.status === 'active';
  const inView = new Map(detail.assignments.map((a) => [a.id, a]));
  const tops = detail.assignments.filter((a) => a.parentId === null || !inView.has(a.parentId));
  const reportingOrgs: ReportingOrg[] = detail.owner
    ? [{ orgId: detail.plan.orgId, orgName: detail.plan.orgName }]
    : [...new Map(detail.assignments.map((a) => [a.orgId, { orgId: a.orgId, orgName: a.orgName }])).values()].sort(
        (a, b) => Number(b.orgId === postOrgId) - Number(a.orgId === postOrgId),
      );
  // The level an assignment was made from must be one the post speaks for.
  const fromOwnLevel = (a: Assignment) => {
    if (a.parentId === null) return detail.owner;
    const parent = inView.get(a.parentId);
    return detail.owner || (parent !== undefined && parent.orgId !== a.orgId);
  };
  const manage = can('workplan.manage') && active;
  return {
    edit: detail.owner && manage,
    report: can('workplan.report') && active && reportingOrgs.length > 0,
    comment: can('workplan.report') && reportingOrgs.length > 0,
    evaluate: detail.owner && can('workplan.supervise'),
    reportingOrgs,
    assigners: !manage
      ? []
      : detail.owner
        ? [{ parentAssignmentId: null, orgId: detail.plan.orgId, orgName: detail.plan.orgName }]
        : tops.map((a) => ({ parentAssignmentId: a.id, orgId: a.orgId, orgName: a.orgName })),
    mayRemind: (a) => can('workplan.supervise') && fromOwnLevel(a),
    mayRemove: (a) => manage && fromOwnLevel(a),
  };
}
