import { usePagedQuery } from '../../common/hooks/usePagedQuery';
import { listAudit } from '../api/audit-api';
import type { AuditQuery } from '../types/audit';

export function useAuditLog(query: AuditQuery) {
  return usePagedQuery(listAudit, query);
}
