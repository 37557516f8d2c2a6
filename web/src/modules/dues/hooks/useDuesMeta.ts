import { useCallback } from 'react';
import { useBilingual } from '../../../i18n';
import { useCachedResource } from '../../common/hooks/useCachedResource';
import { fetchDuesMeta } from '../api/dues-api';
import type { DuesEnumItem } from '../types/dues';

/** Dues categories, methods and 留存 levels with labels in the current language; loaded once. */
export function useDuesMeta() {
  const { data, error } = useCachedResource('dues-meta', fetchDuesMeta);
  const bilingual = useBilingual();

  const labelIn = useCallback(
    (items: DuesEnumItem[] | undefined, code: string | null | undefined) =>
      code ? bilingual(items?.find((item) => item.code === code), code) : '',
    [bilingual],
  );
  const category = useCallback((code: string | null | undefined) => labelIn(data?.categories, code), [data, labelIn]);
  const method = useCallback((code: string | null | undefined) => labelIn(data?.methods, code), [data, labelIn]);
  const level = useCallback((code: string | null | undefined) => labelIn(data?.retentionLevels, code), [data, labelIn]);
  const isIncomeBased = useCallback(
    (code: string | null | undefined) => !!code && (data?.incomeBasedCategories.includes(code) ?? false),
    [data],
  );

  return { meta: data, error, category, method, level, isIncomeBased };
}
