import { api } from '../../../api/client';
import type { Decision, HandledRequest } from '../types/handled-request';

/** Requests of members in the post's scope; `status` narrows to open, accepted or refused. */
export function fetchHandledRequests(status: string | undefined, signal?: AbortSignal): Promise<{ items: HandledRequest[]; responseDays: number }> {
  return api.get<{ items: HandledRequest[]; responseDays: number }>('/api/subject-requests', { query: { status }, signal });
}

/** 同意 or 拒绝 (a refusal gives its reasons). */
export function decideRequest(id: number, decision: Decision): Promise<HandledRequest> {
  return api.post<HandledRequest>(`/api/subject-requests/${id}/decision`, decision);
}
