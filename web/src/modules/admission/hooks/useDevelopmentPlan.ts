import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../../../api/client';
import { fetchDevelopmentPlan } from '../api/admission-api';
import type { DevelopmentPlan } from '../types/admission';

/**
 * 发展计划 of the selected organization (null: the post's root) and its children for a year;
 * nothing is fetched while `enabled` is false (the tab is not open).
 */
export function useDevelopmentPlan(year: number, orgId: number | null, enabled: boolean) {
  const [data, setData] = useState<DevelopmentPlan | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    fetchDevelopmentPlan(year, orgId ?? undefined, controller.signal).then(
      (plan) => {
        setData(plan);
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
