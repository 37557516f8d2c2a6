/**
 * The date `days` working days after `from` ('YYYY-MM-DD'), skipping Saturdays and Sundays.
 * Public holidays and the weekend days worked in their place (调休) change every year by State
 * Council notice and are not modelled: around them the due date may differ by a few days from the
 * official count, which handlers should allow for.
 */
export function addWorkingDays(from: string, days: number): string {
  const date = new Date(`${from}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return date.toISOString().slice(0, 10);
}
