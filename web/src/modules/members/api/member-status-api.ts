import { api } from '../../../api/client';
import type { Member } from '../types/member';
import type { ExitDecision, ExitKind, StatusChange } from '../types/member-status';

/** 发起团籍变动: the member waits in the pending state for the parent organization's decision. */
export function requestExit(id: number, kind: ExitKind, reason: string): Promise<Member> {
  return api.post<Member>(`/api/members/${id}/exit-requests`, { kind, reason });
}

export function decideExit(id: number, decision: ExitDecision, reason: string): Promise<Member> {
  return api.post<Member>(`/api/members/${id}/exit-decision`, { decision, reason });
}

/** 恢复团籍 into a chosen 团支部. */
export function restoreMember(id: number, orgId: number, reason: string): Promise<Member> {
  return api.post<Member>(`/api/members/${id}/restore`, { orgId, reason });
}

export async function fetchStatusHistory(id: number, signal?: AbortSignal): Promise<StatusChange[]> {
  const result = await api.get<{ items: StatusChange[] }>(`/api/members/${id}/status-history`, { signal });
  return result.items;
}
