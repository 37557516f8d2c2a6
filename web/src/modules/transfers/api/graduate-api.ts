import { api } from '../../../api/client';
import type { Page } from '../../common/types/page';
import type { Graduate, GraduateAssignment, GraduateBatch, GraduateQuery, GraduateRate } from '../types/graduate';

/** 毕业生批次 of the schools in scope, newest year first. */
export async function listGraduateBatches(signal?: AbortSignal): Promise<GraduateBatch[]> {
  const result = await api.get<{ items: GraduateBatch[] }>('/api/transfers/graduate-batches', { signal });
  return result.items;
}

/** Every member in good standing of the school's branches marked 毕业生 joins the batch. */
export function openGraduateBatch(input: { schoolOrgId: number; year: number; name?: string }): Promise<{ id: number; name: string; members: number }> {
  return api.post('/api/transfers/graduate-batches', input);
}

export function listBatchGraduates(batchId: number, query: GraduateQuery, signal?: AbortSignal): Promise<Page<Graduate>> {
  return api.get<Page<Graduate>>(`/api/transfers/graduate-batches/${batchId}/graduates`, { query, signal });
}

/** All rows or none: the server names the first row that cannot go. */
export function assignGraduates(batchId: number, assignments: GraduateAssignment[]): Promise<{ transfers: number; retained: number }> {
  return api.post(`/api/transfers/graduate-batches/${batchId}/assignments`, { assignments });
}

export function fetchGraduateRate(year: number, orgId: number | undefined, signal?: AbortSignal): Promise<GraduateRate> {
  return api.get<GraduateRate>('/api/transfers/graduate-rate', { query: { year, orgId }, signal });
}
