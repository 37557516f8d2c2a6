import { usePagedQuery } from '../../common/hooks/usePagedQuery';
import { listBatchGraduates } from '../api/graduate-api';
import type { GraduateQuery } from '../types/graduate';

type Query = GraduateQuery & { batchId: number };

function fetchPage({ batchId, ...query }: Query, signal: AbortSignal) {
  return listBatchGraduates(batchId, query, signal);
}

/** One page of a batch's graduates in the chosen state. */
export function useBatchGraduates(query: Query) {
  return usePagedQuery(fetchPage, query);
}
