import { api } from '../../../api/client';
import type { Page } from '../../common/types/page';
import type { AuditEntry, AuditQuery } from '../types/audit';

export function listAudit(query: AuditQuery, signal?: AbortSignal): Promise<Page<AuditEntry>> {
  return api.get<Page<AuditEntry>>('/api/audit', { query, signal });
}
