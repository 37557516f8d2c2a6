import { todayInChina } from '../../common/utils/today-in-china';

/** This month in China's calendar, YYYY-MM. */
export function thisMonthInChina(): string {
  return todayInChina().slice(0, 7);
}

/**
 * The month a report is for by default: this month during the plan's year, December of a past
 * plan's year, January of a plan whose year has not begun (the server then refuses it).
 */
export function defaultReportMonth(planYear: number, thisMonth = thisMonthInChina()): string {
  const thisYear = Number(thisMonth.slice(0, 4));
  if (planYear === thisYear) return thisMonth;
  return planYear < thisYear ? `${planYear}-12` : `${planYear}-01`;
}

/** Whether a report may be for `month`: within the plan's year and not after this month. */
export function reportableMonth(month: string, planYear: number, thisMonth = thisMonthInChina()): boolean {
  return month.startsWith(`${planYear}-`) && month <= thisMonth;
}
