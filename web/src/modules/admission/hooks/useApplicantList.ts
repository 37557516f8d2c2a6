import { usePagedQuery } from '../../common/hooks/usePagedQuery';
import { listApplicants } from '../api/admission-api';
import type { ApplicantListQuery } from '../types/admission';

/** One page of applicants for the selected subtree (or the whole scope). */
export function useApplicantList(query: ApplicantListQuery) {
  return usePagedQuery(listApplicants, query);
}
