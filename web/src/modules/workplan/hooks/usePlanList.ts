import { useFetched } from '../../transfers/hooks/useFetched';
import { listPlans } from '../api/plan-api';

/** The plans in view, of one year or all. */
export function usePlanList(year: number | undefined) {
  return useFetched((signal) => listPlans(year, signal), String(year ?? 'all'));
}
