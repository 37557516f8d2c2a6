import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../../../api/client';
import { listCycles } from '../api/evaluation-api';
import type { CycleStatus, EvaluationCycle } from '../types/evaluation';

/** The year's cycles of the branches under an organization (all in scope when none), optionally by status. */
export function useCycles(year: number, orgId: number | undefined, status: CycleStatus | undefined) {
  const [data, setData] = useState<EvaluationCycle[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    listCycles({ year, orgId, status }, controller.signal).then(
      (cycles) => {
        setData(cycles);
        setLoading(false);
      },
      (err: unknown) => {
        if (isAbortError(err)) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [year, orgId, status, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, loading, error, reload };
}
