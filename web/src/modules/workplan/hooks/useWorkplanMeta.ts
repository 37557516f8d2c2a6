import { useCallback } from 'react';
import { useBilingual } from '../../../i18n';
import { useCachedResource } from '../../common/hooks/useCachedResource';
import { fetchWorkplanMeta } from '../api/plan-api';
import type { WorkplanEnumItem } from '../types/workplan';

/** The labels of states, sources, comparators, report and remark kinds, and the metrics; loaded once. */
export function useWorkplanMeta() {
  const { data, error } = useCachedResource('workplan-meta', fetchWorkplanMeta);
  const bilingual = useBilingual();

  const labelIn = useCallback(
    (items: WorkplanEnumItem[] | undefined, code: string | null | undefined) =>
      code ? bilingual(items?.find((item) => item.code === code), code) : '',
    [bilingual],
  );
  const state = useCallback((code: string | null | undefined) => labelIn(data?.taskStates, code), [data, labelIn]);
  const source = useCallback((code: string | null | undefined) => labelIn(data?.progressSources, code), [data, labelIn]);
  const comparator = useCallback((code: string | null | undefined) => labelIn(data?.comparators, code), [data, labelIn]);
  const reportKind = useCallback((code: string | null | undefined) => labelIn(data?.reportKinds, code), [data, labelIn]);
  const remarkKind = useCallback((code: string | null | undefined) => labelIn(data?.remarkKinds, code), [data, labelIn]);
  const metric = useCallback(
    (key: string | null | undefined) => (key ? bilingual(data?.metrics.find((m) => m.key === key), key) : ''),
    [data, bilingual],
  );

  return { meta: data, error, state, source, comparator, reportKind, remarkKind, metric };
}
