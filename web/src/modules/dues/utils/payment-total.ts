import type { DuesListItem } from '../types/dues';

/**
 * What the selection pays: each member's own monthly amount times the months, plus the same
 * voluntary extra each; null while any member has no amount yet (the server will refuse them).
 */
export function paymentTotalFen(members: readonly DuesListItem[], months: number, extraFen: number): number | null {
  if (members.some((m) => m.monthlyFen === null)) return null;
  return members.reduce((sum, m) => sum + m.monthlyFen! * months + extraFen, 0);
}

/** The months to offer first: what everyone owes when they all owe the same, else one. */
export function suggestedMonths(members: readonly DuesListItem[], max: number): number {
  const owed = new Set(members.map((m) => m.standing?.owedMonths ?? 0));
  const [only] = [...owed];
  return owed.size === 1 && only !== undefined && only > 0 ? Math.min(only, max) : 1;
}
