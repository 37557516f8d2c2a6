import { api } from '../../../api/client';
import type { MyEvaluation } from '../types/my-evaluation';

/** One's registration and grade per year, newest first; results only once the committee approved them. */
export async function fetchMyEvaluations(signal?: AbortSignal): Promise<MyEvaluation[]> {
  const result = await api.get<{ items: MyEvaluation[] }>('/api/me/evaluations', { signal });
  return result.items;
}
