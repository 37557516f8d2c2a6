import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../../../api/client';
import { fetchDuesStats } from '../api/dues-api';
import type { DuesStats } from '../types/dues';

/**
 * Collection statistics of the selected organization; null asks for the post's root. Nothing is
 * fetched while `enabled` is false (the statistics tab is not open).
 */
export function useDuesStats(orgId: number | null, enabled: boolean) {
  const [data, setData] = useState<DuesStats | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    fetchDuesStats(orgId ?? undefined, controller.signal).then(
      (stats) => {
        setData(stats);
        setLoading(false);
      },
      (err: unknown) => {
        if (isAbortError(err)) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [orgId, version, enabled]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, loading, error, reload };
}
