import type { DuesListItem } from '../types/dues';

/**
 * The category every chosen member's 职业 implies (students, farmers), to preselect; undefined
 * when any 职业 settles nothing or two members would differ.
 */
export function sharedCategory(members: readonly DuesListItem[], byOccupation: Record<string, string>): string | undefined {
  const categories = new Set(members.map((m) => byOccupation[m.occupation]));
  if (categories.size !== 1) return undefined;
  return [...categories][0];
}
