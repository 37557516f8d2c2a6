import { api, downloadFile } from '../../../api/client';
import type { MinorAccessRequest, MinorSubjectRef, MinorsReport, SubjectMinorAccess } from '../types/minor-access';

export function subjectMinorAccess(subject: MinorSubjectRef, signal?: AbortSignal): Promise<SubjectMinorAccess> {
  return api.get<SubjectMinorAccess>(`/api/minor-access/${subject.type === 'member' ? 'members' : 'applicants'}/${subject.id}`, { signal });
}

export function requestMinorAccess(subject: MinorSubjectRef, input: { reason: string; purpose: string; hours: number }): Promise<MinorAccessRequest> {
  const record = subject.type === 'member' ? { memberId: subject.id } : { applicantId: subject.id };
  return api.post<MinorAccessRequest>('/api/minor-access/requests', { ...record, ...input });
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
