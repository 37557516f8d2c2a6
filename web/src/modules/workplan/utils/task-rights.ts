import type { TaskDetail } from '../types/workplan';

/** The level an assignment is made from: the plan's committee (parent null) or an assignment being split. */
export type Assigner = { parentAssignmentId: number | null; orgId: number; orgName: string };

/** An organization the post reports (and comments) for on this task. */
export type ReportingOrg = { orgId: number; orgName: string };

/** The server's rights on a task (detail.rights), with the organizations named for the forms. */
export type TaskRights = {
  edit: boolean;
  report: boolean;
  /** Write a 批示意见 (comment) as one of the reporting organizations: workplan.report. */
  comment: boolean;
  evaluate: boolean;
  /** The post's own organization first. */
  reportingOrgs: ReportingOrg[];
  /** Levels the post may assign from (分解下达). */
  assigners: Assigner[];
};

/**
 * Names the organizations in detail.rights: the plan's committee, or an assigned organization.
 * Only commenting is left to the client: the server folds workplan.report into `report` alone.
 */
export function taskRights(detail: TaskDetail, mayReport: boolean, postOrgId: number | undefined): TaskRights {
  const { rights, plan, assignments } = detail;
  const names = new Map<number, string>([...assignments.map((a) => [a.orgId, a.orgName] as const), [plan.orgId, plan.orgName]]);
  const reportingOrgs = rights.reportingOrgIds
    .map((orgId) => ({ orgId, orgName: names.get(orgId) ?? String(orgId) }))
    .sort((a, b) => Number(b.orgId === postOrgId) - Number(a.orgId === postOrgId));
  const byId = new Map(assignments.map((a) => [a.id, a]));
  const assigners = rights.assignFrom.flatMap((id): Assigner[] => {
    if (id === null) return [{ parentAssignmentId: null, orgId: plan.orgId, orgName: plan.orgName }];
    const from = byId.get(id);
    return from ? [{ parentAssignmentId: id, orgId: from.orgId, orgName: from.orgName }] : [];
  });
  return {
    edit: rights.edit,
    report: rights.report,
    comment: mayReport && reportingOrgs.length > 0,
    evaluate: rights.evaluate,
    reportingOrgs,
    assigners,
  };
}
