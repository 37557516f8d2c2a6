import { useCallback } from 'react';
import { useBilingual } from '../../../i18n';
import { useCachedResource } from '../../common/hooks/useCachedResource';
import { fetchEvaluationMeta } from '../api/evaluation-api';

/** Grades, registration outcomes, cycle statuses, why members are not registered and the rules' numbers, labelled in the current language; loaded once. */
export function useEvaluationMeta() {
  const { data, error } = useCachedResource('evaluation-meta', fetchEvaluationMeta);
  const bilingual = useBilingual();

  const grade = useCallback((code: string | null) => (code ? bilingual(data?.grades.find((g) => g.code === code), code) : ''), [data, bilingual]);
  const registration = useCallback(
    (code: string | null) => (code ? bilingual(data?.registrations.find((r) => r.code === code), code) : ''),
    [data, bilingual],
  );
  const status = useCallback((code: string) => bilingual(data?.statuses.find((s) => s.code === code), code), [data, bilingual]);
  const unregisteredReason = useCallback(
    (code: string) => bilingual(data?.unregisteredReasons?.find((r) => r.code === code), code),
    [data, bilingual],
  );

  return { meta: data, error, grade, registration, status, unregisteredReason };
}
