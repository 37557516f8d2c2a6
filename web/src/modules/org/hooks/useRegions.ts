import { useMemo } from 'react';
import { useCachedResource } from '../../common/hooks/useCachedResource';
import { fetchRegions } from '../api/meta-api';

export type RegionOption = { value: string; label: string };

/** 行政区划 options shown as "510107 武侯区", searchable by code or name. */
export function useRegions() {
  const { data, loading, error } = useCachedResource('regions', fetchRegions);
  const options = useMemo<RegionOption[]>(
    () => (data ?? []).map((region) => ({ value: region.code, label: `${region.code} ${region.name}` })),
    [data],
  );
  return { loading, error, options };
}
