import { useFetched } from '../../transfers/hooks/useFetched';
import { fetchBoard } from '../api/plan-api';

/** The board of one plan, reloaded on demand. */
export function usePlanBoard(planId: number) {
  return useFetched((signal) => fetchBoard(planId, signal), String(planId), Number.isInteger(planId) && planId > 0);
}
