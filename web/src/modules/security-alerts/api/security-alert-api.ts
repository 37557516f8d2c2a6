import { api } from '../../../api/client';
import type { Page } from '../../common/types/page';
import type { SecurityAlert, SecurityAlertQuery } from '../types/security-alert';

export type SecurityAlertPage = Page<SecurityAlert> & { open: number };

export function listSecurityAlerts(query: SecurityAlertQuery, signal?: AbortSignal): Promise<SecurityAlertPage> {
  return api.get<SecurityAlertPage>('/api/security-alerts', { query, signal });
}

export function acknowledgeSecurityAlert(id: number, note: string | undefined): Promise<SecurityAlert> {
  return api.post<SecurityAlert>(`/api/security-alerts/${id}/acknowledge`, note ? { note } : {});
}
