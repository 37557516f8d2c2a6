import { useCallback, useMemo } from 'react';
import { useBilingual } from '../../../i18n';
import { useCachedResource } from '../../common/hooks/useCachedResource';
import { fetchOrgEnums } from '../api/meta-api';
import type { EnumItem } from '../types/org';

export type OrgEnumGroup = 'types' | 'kinds' | 'industryCategories';

/** 组织类型 / 组织类别 / 行业类别 with labels in the current language. */
export function useOrgEnums() {
  const { data, loading, error } = useCachedResource('org-enums', fetchOrgEnums);
  const bilingual = useBilingual();

  const index = useMemo(() => {
    const byGroup = new Map<OrgEnumGroup, Map<string, EnumItem>>();
    for (const group of ['types', 'kinds', 'industryCategories'] as const) {
      byGroup.set(group, new Map((data?.[group] ?? []).map((item) => [item.code, item])));
    }
    return byGroup;
  }, [data]);

  /** The label of a code; an unknown code is shown as it is. */
  const label = useCallback(
    (group: OrgEnumGroup, code: string | null | undefined) =>
      code ? bilingual(index.get(group)?.get(code), code) : '',
    [index, bilingual],
  );

  const options = useCallback(
    (group: OrgEnumGroup) =>
      (data?.[group] ?? []).map((item) => ({ value: item.code, label: bilingual(item) })),
    [data, bilingual],
  );

  return { loading, error, label, options, maxTermYears: data?.maxTermYears };
}
