import { api } from '../../../api/client';
import type { OrgEnums, Region } from '../types/org';

export function fetchOrgEnums(): Promise<OrgEnums> {
  return api.get<OrgEnums>('/api/meta/org-enums');
}

export async function fetchRegions(): Promise<Region[]> {
  const result = await api.get<{ items: Region[] }>('/api/meta/regions');
  return result.items;
}
