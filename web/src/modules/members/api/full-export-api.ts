import { api, downloadFile } from '../../../api/client';
import type { MemberListFilter } from '../types/member';

/** Answer of POST /api/members/full-exports: a prepared file waiting for its one download. */
export type PreparedFullExport = { id: number; rows: number; expiresAt: string; withheldMinors: number; downloadUrl: string };

/** 完整导出: prepare the file with its reason (the server watermarks and audits it), then fetch it once. */
export async function fullExportMembers(filter: MemberListFilter, reason: string, fallbackName: string) {
  // The body holds only the filter's set values; the list's query string drops empty ones the same way.
  const body = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== null && value !== ''));
  const prepared = await api.post<PreparedFullExport>('/api/members/full-exports', { ...body, reason });
  const file = await downloadFile(prepared.downloadUrl, undefined, fallbackName);
  return { ...file, prepared };
}
