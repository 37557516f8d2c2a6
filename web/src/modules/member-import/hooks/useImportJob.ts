import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../../../api/client';
import { getImportJob } from '../api/member-import-api';
import { isFinished, type ImportJob } from '../types/import-job';

const POLL_MS = 1000;

/**
 * Follows an import job once a second until it finishes. The next poll is scheduled only after
 * an answer, so a slow server never has two of them in flight. A failed poll stops until `retry`.
 */
export function useImportJob(jobId: string | null) {
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setJob(null);
  }, [jobId]);

  useEffect(() => {
    if (jobId === null) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      getImportJob(jobId, controller.signal).then(
        (next) => {
          setJob(next);
          if (!isFinished(next.status)) timer = setTimeout(poll, POLL_MS);
        },
        (err: unknown) => {
          if (!isAbortError(err)) setError(err);
        },
      );
    };
    setError(null);
    poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [jobId, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { job, error, retry };
}
