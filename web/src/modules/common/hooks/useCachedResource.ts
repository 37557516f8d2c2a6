import { useEffect, useState } from 'react';

const cache = new Map<string, Promise<unknown>>();

/**
 * Loads reference data (enums, regions) once per page load and shares it between components.
 * A failed load is forgotten so that the next component to mount tries again.
 */
export function useCachedResource<T>(key: string, load: () => Promise<T>) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({
    loading: true,
  });

  useEffect(() => {
    let alive = true;
    let promise = cache.get(key) as Promise<T> | undefined;
    if (!promise) {
      promise = load();
      cache.set(key, promise);
    }
    promise.then(
      (data) => alive && setState({ data, loading: false }),
      (error: unknown) => {
        cache.delete(key);
        if (alive) setState({ error, loading: false });
      },
    );
    return () => {
      alive = false;
    };
    // `load` is a module-level function per key; re-running on its identity would refetch.
  }, [key]);

  return state;
}
