import { api, downloadFile } from '../../../api/client';
import type {
  Org,
  OrgInput,
  OrgListFilter,
  OrgListQuery,
  OrgPatch,
  OrgTreeNode,
} from '../types/org';
import type { Page } from '../../common/types/page';

/** Children of `parentId`, or the roots the current post may see. */
export async function fetchTreeNodes(parentId?: number, signal?: AbortSignal): Promise<OrgTreeNode[]> {
  const result = await api.get<{ nodes: OrgTreeNode[] }>('/api/orgs/tree', {
    query: { parentId },
    signal,
  });
  return result.nodes;
}

export function listOrgs(query: OrgListQuery, signal?: AbortSignal): Promise<Page<Org>> {
  return api.get<Page<Org>>('/api/orgs', { query, signal });
}

export function getOrg(id: number, signal?: AbortSignal): Promise<Org> {
  return api.get<Org>(`/api/orgs/${id}`, { signal });
}

export function createOrg(input: OrgInput): Promise<Org> {
  return api.post<Org>('/api/orgs', input);
}

export function updateOrg(id: number, patch: OrgPatch): Promise<Org> {
  return api.patch<Org>(`/api/orgs/${id}`, patch);
}

export function moveOrg(id: number, newParentId: number): Promise<Org> {
  return api.post<Org>(`/api/orgs/${id}/move`, { newParentId });
}

export function deactivateOrg(id: number, reason: string): Promise<Org> {
  return api.post<Org>(`/api/orgs/${id}/deactivate`, { reason });
}

export function reactivateOrg(id: number): Promise<Org> {
  return api.post<Org>(`/api/orgs/${id}/reactivate`, {});
}

export function exportOrgs(filter: OrgListFilter, fallbackName: string) {
  return downloadFile('/api/orgs/export.xlsx', filter, fallbackName);
}
