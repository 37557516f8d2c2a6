import { usePagedQuery } from '../../common/hooks/usePagedQuery';
import { listWeakBranches } from '../api/member-stats-api';
import type { WeakBranchPage, WeakBranchQuery } from '../types/member-stats';

/** One page of 空心团支部 or 无团干团支部 in the selected subtree; null fetches nothing. */
export function useWeakBranches(query: WeakBranchQuery | null) {
  const result = usePagedQuery(listWeakBranches, query);
  // usePagedQuery types the page as Page<T>; this answer carries the threshold as well.
  return { ...result, data: result.data as WeakBranchPage | null };
}
