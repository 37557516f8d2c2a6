import { usePagedQuery } from '../../common/hooks/usePagedQuery';
import { listDuesMembers } from '../api/dues-api';
import type { DuesListPage, DuesListQuery } from '../types/dues';

/** One page of the 团费名单 for the selected subtree (or the whole scope). */
export function useDuesList(query: DuesListQuery) {
  const result = usePagedQuery(listDuesMembers, query);
  // usePagedQuery types the page as Page<T>; this answer carries the month it was worked out for.
  return { ...result, data: result.data as DuesListPage | null };
}
