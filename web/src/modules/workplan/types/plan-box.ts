/** The lists the 工作台's 工作要点 cards open: open reminders, and this month's reports to send. */
export type PlanBox = 'reminders' | 'reports_due';
export const PLAN_BOXES: readonly PlanBox[] = ['reminders', 'reports_due'];

export const isPlanBox = (value: string | null): value is PlanBox => PLAN_BOXES.includes(value as PlanBox);
