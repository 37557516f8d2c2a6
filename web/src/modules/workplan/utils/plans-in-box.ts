import type { PlanBox } from '../types/plan-box';
import type { PlanSummary } from '../types/workplan';

/**
 * The plans a box is about. Reminders and monthly reports go to organizations tasks were assigned
 * to, so both are plans the post sees as an assignee; reports are due on this year's active plans.
 */
export function plansInBox(plans: readonly PlanSummary[], box: PlanBox, thisYear: number): PlanSummary[] {
  return plans.filter((plan) => !plan.owner && (box === 'reminders' || (plan.status === 'active' && plan.year === thisYear)));
}
