import { AppError } from '../../platform/http/app-error.ts';
import type { TaskView } from './plan-access.ts';

/**
 * The organization a post reports for on a task: the plan's committee (its owner only), or an
 * assigned organization in the post's scope. Anything else is outside what the post may see.
 */
export function requireReportingOrg(view: TaskView, orgId: number): { orgId: number; orgPath: string } {
  if (orgId === view.plan.org_id) {
    if (!view.owner) throw new AppError('NOT_FOUND');
    return { orgId, orgPath: view.plan.org_path };
  }
  const assignment = view.assignments.find((a) => a.org_id === orgId);
  if (!assignment) throw new AppError('NOT_FOUND');
  return { orgId, orgPath: assignment.org_path };
}
