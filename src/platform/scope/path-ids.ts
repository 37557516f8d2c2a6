/** The organization ids on a materialized path, root first: '/1/23/456/' → [1, 23, 456]. */
export function idsOnPath(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}
