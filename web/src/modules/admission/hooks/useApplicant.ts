import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../../../api/client';
import { getApplicant } from '../api/admission-api';
import type { ApplicantDetail } from '../types/admission';

/**
 * One applicant with the record of every step; each action answers with the applicant as it now
 * stands, which `replace` puts on screen without another request.
 */
export function useApplicant(id: number) {
  const [data, setData] = useState<ApplicantDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    getApplicant(id, controller.signal).then(setData, (err: unknown) => {
      if (!isAbortError(err)) setError(err);
    });
    return () => controller.abort();
  }, [id, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data: data?.id === id ? data : null, error, reload, replace: setData };
}
