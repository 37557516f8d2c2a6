import { todayInChina } from '../../common/utils/today-in-china';

/**
 * The share of the plan's year gone by today (0–100), as the server reckons a task without a due
 * date should stand: 100 for a past year, 0 for one to come.
 */
export function yearElapsedPercent(year: number, today = todayInChina()): number {
  const start = Date.parse(`${year}-01-01T00:00:00Z`);
  const end = Date.parse(`${year + 1}-01-01T00:00:00Z`);
  const now = Date.parse(`${today}T00:00:00Z`) + 86_400_000;
  return Math.floor(Math.min(1, Math.max(0, (now - start) / (end - start))) * 100);
}
