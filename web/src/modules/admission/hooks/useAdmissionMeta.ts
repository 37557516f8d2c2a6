import { useCallback } from 'react';
import { useBilingual } from '../../../i18n';
import { useCachedResource } from '../../common/hooks/useCachedResource';
import { fetchAdmissionMeta } from '../api/admission-api';

/** The ten steps, the notices, 推荐途径, 学段 and the rules' minimums, with labels in the current language; loaded once. */
export function useAdmissionMeta() {
  const { data, error } = useCachedResource('admission-meta', fetchAdmissionMeta);
  const bilingual = useBilingual();

  const stepName = useCallback((step: number) => bilingual(data?.steps.find((s) => s.step === step), String(step)), [data, bilingual]);
  const source = useCallback((code: string) => bilingual(data?.sources.find((s) => s.code === code), code), [data, bilingual]);
  const noticeName = useCallback((code: string) => bilingual(data?.notices.find((n) => n.code === code), code), [data, bilingual]);
  const stage = useCallback((code: string) => bilingual(data?.stages.find((s) => s.code === code), code), [data, bilingual]);

  return { meta: data, error, stepName, source, noticeName, stage };
}
