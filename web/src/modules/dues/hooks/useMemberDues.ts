import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../../../api/client';
import type { MemberDues } from '../types/dues';

/**
 * A 团费台账 fetched by `load` (a member's through the dues API, or one's own), reloaded on
 * demand; the previous ledger stays on screen while a reload is on its way.
 */
export function useMemberDues(load: (signal: AbortSignal) => Promise<MemberDues>, key: string | number) {
  const [data, setData] = useState<MemberDues | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    load(controller.signal).then(setData, (err: unknown) => {
      if (!isAbortError(err)) setError(err);
    });
    return () => controller.abort();
    // `load` is rebuilt on every render; `key` names what it fetches.
  }, [key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, reload };
}
