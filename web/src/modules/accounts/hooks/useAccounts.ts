import { usePagedQuery } from '../../common/hooks/usePagedQuery';
import { listAccounts } from '../api/accounts-api';
import type { AccountQuery } from '../types/account';

export function useAccounts(query: AccountQuery) {
  return usePagedQuery(listAccounts, query);
}
