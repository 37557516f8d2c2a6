import { useEffect, useState } from 'react';
import { isAbortError } from '../../../api/client';
import { fetchStatusHistory } from '../api/member-status-api';
import type { StatusChange } from '../types/member-status';

/** 团籍变动记录 of one member, newest first; `reloadToken` refetches after a change. */
export function useStatusHistory(memberId: number, reloadToken: number) {
  const [items, setItems] = useState<StatusChange[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    fetchStatusHistory(memberId, controller.signal).then(setItems, (err: unknown) => {
      if (!isAbortError(err)) setError(err);
    });
    return () => controller.abort();
  }, [memberId, reloadToken]);

  return { items, error };
}
