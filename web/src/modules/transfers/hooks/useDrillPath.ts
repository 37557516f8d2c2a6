import { useCallback, useState } from 'react';

export type DrillStep = { orgId: number; name: string };

/**
 * The organizations opened on the way down from the post's root, for the statistics that show an
 * organization and its direct children: a child's row goes one level down, the path goes back.
 */
export function useDrillPath() {
  const [path, setPath] = useState<DrillStep[]>([]);
  const down = useCallback((step: DrillStep) => setPath((prev) => [...prev, step]), []);
  /** Back to the step at `index`; -1 is the post's root. */
  const backTo = useCallback((index: number) => setPath((prev) => prev.slice(0, index + 1)), []);
  return { path, orgId: path.at(-1)?.orgId, down, backTo };
}
