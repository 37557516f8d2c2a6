import { api, request } from '../../../api/client';
import type { Page } from '../../common/types/page';
import type {
  CycleStatus,
  EntryInput,
  EvaluationCycle,
  EvaluationCycleDetail,
  EvaluationMeta,
  EvaluationProgress,
  UnregisteredMember,
} from '../types/evaluation';

export function fetchEvaluationMeta(): Promise<EvaluationMeta> {
  return api.get<EvaluationMeta>('/api/evaluations/meta');
}

/** The cycles of the branches in the subtree for a year. */
export async function listCycles(query: { year: number; orgId?: number; status?: CycleStatus }, signal?: AbortSignal): Promise<EvaluationCycle[]> {
  return (await api.get<{ items: EvaluationCycle[] }>('/api/evaluations', { query, signal })).items;
}

/** 开启年度团籍注册与教育评议: the branch's members in good standing join the cycle. */
export function openCycle(orgId: number, year: number): Promise<EvaluationCycleDetail> {
  return api.post<EvaluationCycleDetail>('/api/evaluations', { orgId, year });
}

export function getCycle(id: number, signal?: AbortSignal): Promise<EvaluationCycleDetail> {
  return api.get<EvaluationCycleDetail>(`/api/evaluations/${id}`, { signal });
}

export function recordMeeting(id: number, meetingOn: string, attendees: number): Promise<EvaluationCycleDetail> {
  return request<EvaluationCycleDetail>('PUT', `/api/evaluations/${id}/meeting`, { body: { meetingOn, attendees } });
}

export function saveEntries(id: number, entries: EntryInput[]): Promise<EvaluationCycleDetail> {
  return request<EvaluationCycleDetail>('PUT', `/api/evaluations/${id}/entries`, { body: { entries } });
}

/** 提交上级审批; refused (409) with the rule when the meeting, a decision or the 优秀 share falls short. */
export function submitCycle(id: number): Promise<EvaluationCycleDetail> {
  return api.post<EvaluationCycleDetail>(`/api/evaluations/${id}/submit`);
}

export function decideCycle(id: number, decision: 'approve' | 'return', reason: string | null): Promise<EvaluationCycleDetail> {
  return api.post<EvaluationCycleDetail>(`/api/evaluations/${id}/decision`, { decision, reason });
}

export function listUnregistered(query: { year: number; orgId?: number; page: number; pageSize: number }, signal?: AbortSignal): Promise<Page<UnregisteredMember>> {
  return api.get<Page<UnregisteredMember>>('/api/evaluations/unregistered', { query, signal });
}

export function fetchProgress(year: number, orgId: number | undefined, signal?: AbortSignal): Promise<EvaluationProgress> {
  return api.get<EvaluationProgress>('/api/evaluations/progress', { query: { year, orgId }, signal });
}
