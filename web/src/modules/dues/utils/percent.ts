/** A 0–1 share as a percentage with one decimal, e.g. 0.5821 → "58.2%"; null (nobody to count) as a dash. */
export function formatRate(rate: number | null, none = '—'): string {
  return rate === null ? none : `${(rate * 100).toFixed(1)}%`;
}
