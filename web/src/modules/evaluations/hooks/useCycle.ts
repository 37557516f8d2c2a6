import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../../../api/client';
import { getCycle } from '../api/evaluation-api';
import type { EvaluationCycleDetail } from '../types/evaluation';

/** One cycle with every member's line; each action answers with the cycle as it now stands (`replace`). */
export function useCycle(id: number) {
  const [data, setData] = useState<EvaluationCycleDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    getCycle(id, controller.signal).then(setData, (err: unknown) => {
      if (!isAbortError(err)) setError(err);
    });
    return () => controller.abort();
  }, [id, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data: data?.id === id ? data : null, error, reload, replace: setData };
}
