import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../../../api/client';
import { listRules } from '../api/rules-api';
import type { Rule } from '../types/rule';

/** Every rule number with its history; `reload` fetches them again after a change. */
export function useRules() {
  const [data, setData] = useState<Rule[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    listRules(controller.signal).then(
      (rules) => {
        setData(rules);
        setLoading(false);
      },
      (err: unknown) => {
        if (isAbortError(err)) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, loading, error, reload };
}
