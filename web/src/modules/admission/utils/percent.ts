/** A part of a whole as a percentage with one decimal ("37.5%"); nothing to divide by gives null. */
export function percentOf(part: number, whole: number): string | null {
  return whole > 0 ? `${((part * 100) / whole).toFixed(1)}%` : null;
}
