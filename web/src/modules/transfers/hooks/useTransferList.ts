import { usePagedQuery } from '../../common/hooks/usePagedQuery';
import { listTransfers } from '../api/transfer-api';
import type { TransferListQuery } from '../types/transfer';

/** One page of a transfer box under the chosen status and search. */
export function useTransferList(query: TransferListQuery) {
  return usePagedQuery(listTransfers, query);
}
