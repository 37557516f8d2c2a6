import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../../../api/client';

/**
 * Data fetched by `load` whenever `key` changes or `reload` is called; a newer load aborts the
 * older one. The previous answer stays on screen while a reload is on its way; nothing is fetched
 * while `enabled` is false. `replace` shows a newer answer the caller already holds (e.g. what an
 * action returned) without fetching again.
 */
export function useFetched<T>(load: (signal: AbortSignal) => Promise<T>, key: string, enabled = true) {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    load(controller.signal).then(
      (value) => {
        setData(value);
        setLoading(false);
      },
      (err: unknown) => {
        if (isAbortError(err)) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => controller.abort();
    // `load` is rebuilt on every render; `key` names what it fetches.
  }, [key, version, enabled]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const replace = useCallback((value: T) => {
    setData(value);
    setError(null);
  }, []);
  return { data, loading, error, reload, replace };
}
