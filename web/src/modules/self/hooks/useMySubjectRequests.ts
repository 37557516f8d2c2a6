import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../../../api/client';
import { fetchMySubjectRequests } from '../api/my-privacy-api';
import type { MySubjectRequests } from '../types/subject-request';

export function useMySubjectRequests() {
  const [data, setData] = useState<MySubjectRequests | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    fetchMySubjectRequests(controller.signal).then(setData, (err: unknown) => {
      if (!isAbortError(err)) setError(err);
    });
    return () => controller.abort();
  }, [version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, reload };
}
