import { usePagedQuery } from '../../common/hooks/usePagedQuery';
import { listOrgs } from '../api/org-api';
import type { OrgListQuery } from '../types/org';

/** One page of organizations under the selected node; null fetches nothing. */
export function useOrgList(query: OrgListQuery | null) {
  return usePagedQuery(listOrgs, query);
}
