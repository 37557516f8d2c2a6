/** Today's date in China (UTC+8, no daylight saving) as YYYY-MM-DD, the calendar the server keeps. */
export function todayInChina(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
