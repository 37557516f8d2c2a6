import { usePagedQuery } from '../../common/hooks/usePagedQuery';
import { listMembers } from '../api/member-api';
import type { MemberListQuery } from '../types/member';

/** One page of members in the selected subtree (or the whole scope). */
export function useMemberList(query: MemberListQuery) {
  return usePagedQuery(listMembers, query);
}
