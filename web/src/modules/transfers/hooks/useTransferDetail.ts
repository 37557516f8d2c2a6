import { getTransfer } from '../api/transfer-api';
import { useFetched } from './useFetched';

/** One transfer with its events and the organization of every stage. */
export function useTransferDetail(id: number) {
  const result = useFetched((signal) => getTransfer(id, signal), String(id));
  // A reload for another id must not show the previous transfer meanwhile.
  return { ...result, data: result.data?.id === id ? result.data : null };
}
