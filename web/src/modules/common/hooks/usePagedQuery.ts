import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../../../api/client';
import type { Page } from '../types/page';

/**
 * Fetches one page whenever `query` changes (compared by value); a newer query aborts the older
 * request so that a slow answer never overwrites a fresh one. A null query fetches nothing.
 */
export function usePagedQuery<Q, T>(
  fetchPage: (query: Q, signal: AbortSignal) => Promise<Page<T>>,
  query: Q | null,
) {
  const [data, setData] = useState<Page<T> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const key = query === null ? null : JSON.stringify(query);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    fetchPage(JSON.parse(key) as Q, controller.signal).then(
      (page) => {
        setData(page);
        setLoading(false);
      },
      (err: unknown) => {
        if (isAbortError(err)) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => controller.abort();
    // `fetchPage` is a module-level API function; the query is tracked through its serialized key.
  }, [key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, loading, error, reload };
}
