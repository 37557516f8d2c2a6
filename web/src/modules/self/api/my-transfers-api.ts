import { api } from '../../../api/client';
import type { TransferDetail } from '../../transfers/types/transfer';

/** One's own transfers, newest first, each with its chain and record. */
export async function fetchMyTransfers(signal?: AbortSignal): Promise<TransferDetail[]> {
  const result = await api.get<{ items: TransferDetail[] }>('/api/me/transfers', { signal });
  return result.items;
}

/** 本人申请转接: the member's own branch decides first. */
export function applyMyTransfer(input: {
  scopeKind: string;
  reason: string;
  reasonText: string | null;
  toOrgId: number | null;
  outsideDestination: string | null;
}): Promise<TransferDetail> {
  return api.post<TransferDetail>('/api/me/transfers', input);
}

/** 申诉 a returned transfer, or 撤回 one still open. */
export function actOnMyTransfer(id: number, action: 'appeal' | 'withdraw', text: { evidence?: string; reason?: string | null }): Promise<TransferDetail> {
  return api.post<TransferDetail>(`/api/me/transfers/${id}/${action}`, text);
}
