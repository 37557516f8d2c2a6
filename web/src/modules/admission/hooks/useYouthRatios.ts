import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../../../api/client';
import { fetchYouthRatios } from '../api/admission-api';
import type { YouthRatios } from '../types/admission';

/** 团青比 of the selected organization (null: the post's root) and its children; fetched while the tab is open. */
export function useYouthRatios(orgId: number | null, enabled: boolean) {
  const [data, setData] = useState<YouthRatios | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    fetchYouthRatios(orgId ?? undefined, controller.signal).then(
      (ratios) => {
        setData(ratios);
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
