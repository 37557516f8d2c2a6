import { api, downloadFile } from '../../../api/client';
import type { MemberMinorAccess, MinorAccessRequest, MinorsReport } from '../types/minor-access';

export function memberMinorAccess(memberId: number, signal?: AbortSignal): Promise<MemberMinorAccess> {
  return api.get<MemberMinorAccess>(`/api/minor-access/members/${memberId}`, { signal });
}

export function requestMinorAccess(input: { memberId: number; reason: string; purpose: string; hours: number }): Promise<MinorAccessRequest> {
  return api.post<MinorAccessRequest>('/api/minor-access/requests', input);
}

export async function myMinorAccess(signal?: AbortSignal): Promise<MinorAccessRequest[]> {
  return (await api.get<{ items: MinorAccessRequest[] }>('/api/minor-access/requests/mine', { signal })).items;
}

export async function minorAccessForApproval(box: 'pending' | 'decided', signal?: AbortSignal): Promise<MinorAccessRequest[]> {
  return (await api.get<{ items: MinorAccessRequest[] }>('/api/minor-access/requests/awaiting', { query: { box }, signal })).items;
}

export function decideMinorAccess(id: number, decision: 'approve' | 'refuse', comment: string | null): Promise<MinorAccessRequest> {
  return api.post<MinorAccessRequest>(`/api/minor-access/requests/${id}/decision`, { decision, comment });
}

export function revokeMinorAccess(id: number, reason: string): Promise<MinorAccessRequest> {
  return api.post<MinorAccessRequest>(`/api/minor-access/requests/${id}/revoke`, { reason });
}

export function minorsReport(year: number, signal?: AbortSignal): Promise<MinorsReport> {
  return api.get<MinorsReport>('/api/minor-access/report', { query: { year }, signal });
}

export function downloadMinorsReport(year: number) {
  return downloadFile('/api/minor-access/report.xlsx', { year }, `${year}年度未成年人个人信息合规审计.xlsx`);
}
