import { getTransfer } from '../api/transfer-api';
import { useFetched } from './useFetched';

/** One transfer with its events, the organization of every stage and what the caller may do with it. */
export function useTransferDetail(id: number) {
  const result = useFetched((signal) => getTransfer(id, signal), String(id));
  // A reload for another id must not show the previous transfer meanwhile.
  return { ...result, data: result.data?.id === id ? result.data : null };
}
