/** Today's calendar date in China Standard Time (UTC+8, no daylight saving), 'YYYY-MM-DD'. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The date `years` whole years before `date` (29 February falls back to 28 February). */
export function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const result = new Date(Date.UTC(y - years, m - 1, d));
  if (result.getUTCMonth() !== m - 1) result.setUTCDate(0);
  return result.toISOString().slice(0, 10);
}

/** True for a real calendar date written 'YYYY-MM-DD' (2021-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
