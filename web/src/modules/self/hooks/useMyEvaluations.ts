import { useFetched } from '../../transfers/hooks/useFetched';
import { fetchMyEvaluations } from '../api/my-evaluations-api';

export function useMyEvaluations() {
  return useFetched((signal) => fetchMyEvaluations(signal), 'me');
}
