import { useFetched } from '../../transfers/hooks/useFetched';
import { fetchSupervision } from '../api/plan-api';

/** 督办 of a plan: the tasks needing attention, by department and by organization. */
export function useSupervision(planId: number, enabled = true) {
  return useFetched((signal) => fetchSupervision(planId, signal), String(planId), enabled && Number.isInteger(planId) && planId > 0);
}
