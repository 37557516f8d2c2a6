import { api } from '../../../api/client';
import type { MemberStats, WeakBranchPage, WeakBranchQuery } from '../types/member-stats';

/** The organization (default: the post's root) and one row per direct child. */
export function fetchMemberStats(orgId: number | undefined, signal?: AbortSignal): Promise<MemberStats> {
  return api.get<MemberStats>('/api/members/stats', { query: { orgId }, signal });
}

export function listWeakBranches(query: WeakBranchQuery, signal?: AbortSignal): Promise<WeakBranchPage> {
  return api.get<WeakBranchPage>('/api/members/stats/weak-branches', { query, signal });
}
