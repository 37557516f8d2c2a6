import { useFetched } from '../../transfers/hooks/useFetched';
import { fetchMyTransfers } from '../api/my-transfers-api';

export function useMyTransfers() {
  return useFetched((signal) => fetchMyTransfers(signal), 'me');
}
