import { rule } from '../../platform/rules/rules.ts';
import { addMonths, monthsBetween } from '../../platform/time/months.ts';

/** Where a member stands with dues in a month, from the month paid through. */
export type DuesStanding = {
  /** Months owed up to and including this month. */
  owedMonths: number;
  /** Whole months already past and unpaid (this month not counted). */
  overdueMonths: number;
  /** 连续欠交 long enough to raise the 自行脱团 warning. */
  lapseWarning: boolean;
};

export function standingOf(paidThrough: string, thisMonth: string): DuesStanding {
  const owedMonths = Math.max(0, monthsBetween(paidThrough, thisMonth));
  const overdueMonths = Math.max(0, owedMonths - 1);
  return { owedMonths, overdueMonths, lapseWarning: overdueMonths >= rule('dues.lapseWarningMonths') };
}

/** The latest paid-through month that still raises the warning in `thisMonth`. */
export function lapseThreshold(thisMonth: string): string {
  return addMonths(thisMonth, -(rule('dues.lapseWarningMonths') + 1));
}
