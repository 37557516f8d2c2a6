import { todayInChina } from './china-date.ts';

/** Calendar months written 'YYYY-MM', as the ledgers and counters store them. */

/** The current month in China, 'YYYY-MM'. */
export function monthInChina(now: Date = new Date()): string {
  return todayInChina(now).slice(0, 7);
}

/** True for 'YYYY-MM' with a month from 01 to 12. */
export function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** The month `n` months after `month` (n may be negative): addMonths('2021-12', 1) = '2022-01'. */
export function addMonths(month: string, n: number): string {
  const index = monthIndex(month) + n;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** How many months `to` lies after `from`: monthsBetween('2021-11', '2022-02') = 3. */
export function monthsBetween(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from);
}

function monthIndex(month: string): number {
  if (!isMonth(month)) throw new Error(`not a month: ${JSON.stringify(month)}`);
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** The calendar date `n` months after `date` ('YYYY-MM-DD'); 31 January + 1 month is 28 (or 29) February. */
export function dateMonthsAfter(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const result = new Date(Date.UTC(y, m - 1 + n, d));
  if (result.getUTCDate() !== d) result.setUTCDate(0);
  return result.toISOString().slice(0, 10);
}
