import { usePagedQuery } from '../../common/hooks/usePagedQuery';
import { listUnregistered } from '../api/evaluation-api';

/** One page of 未注册团员 under the selection for a year. */
export function useUnregistered(query: { year: number; orgId?: number; page: number; pageSize: number } | null) {
  return usePagedQuery(listUnregistered, query);
}
