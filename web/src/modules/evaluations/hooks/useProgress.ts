import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../../../api/client';
import { fetchProgress } from '../api/evaluation-api';
import type { EvaluationProgress } from '../types/evaluation';

/** 注册与评议进度 of the selection (null: the post's root) and its children; fetched while the tab is open. */
export function useProgress(year: number, orgId: number | null, enabled: boolean) {
  const [data, setData] = useState<EvaluationProgress | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    fetchProgress(year, orgId ?? undefined, controller.signal).then(
      (progress) => {
        setData(progress);
        setLoading(false);
      },
      (err: unknown) => {
        if (isAbortError(err)) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [year, orgId, version, enabled]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, loading, error, reload };
}
