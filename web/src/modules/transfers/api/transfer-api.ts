import { api } from '../../../api/client';
import type { Page } from '../../common/types/page';
import type {
  ApplicantAction,
  DecisionAction,
  Destination,
  IncomingTransferInput,
  ResponseStats,
  StartTransferInput,
  Transfer,
  TransferDetail,
  TransferListQuery,
  TransferMeta,
} from '../types/transfer';

export function fetchTransferMeta(): Promise<TransferMeta> {
  return api.get<TransferMeta>('/api/transfers/meta');
}

/** One page of a box: 待我审批 oldest first, the others newest first. */
export function listTransfers(query: TransferListQuery, signal?: AbortSignal): Promise<Page<Transfer>> {
  return api.get<Page<Transfer>>('/api/transfers', { query, signal });
}

export function getTransfer(id: number, signal?: AbortSignal): Promise<TransferDetail> {
  return api.get<TransferDetail>(`/api/transfers/${id}`, { signal });
}

/** 发起转接 as the sending side; a post that is the sending branch approves its own stage at once. */
export function startTransfer(input: StartTransferInput): Promise<TransferDetail> {
  return api.post<TransferDetail>('/api/transfers', input);
}

/** 转入发起: the receiving side names the person by ID number and name. */
export function startIncomingTransfer(input: IncomingTransferInput): Promise<TransferDetail> {
  return api.post<TransferDetail>('/api/transfers/incoming', input);
}

/** Any active branch of the province, by name or pinyin initials. */
export async function searchDestinations(q: string, signal?: AbortSignal): Promise<Destination[]> {
  const result = await api.get<{ items: Destination[] }>('/api/transfers/destinations', { query: { q }, signal });
  return result.items;
}

export function decideTransfer(id: number, action: DecisionAction, reason: string | null): Promise<TransferDetail> {
  return api.post<TransferDetail>(`/api/transfers/${id}/decision`, { action, reason });
}

/** 申诉 (evidence required) or 撤回 (reason required) as the organization that applied. */
export function actAsApplicant(id: number, action: ApplicantAction, text: { evidence?: string; reason?: string | null }): Promise<TransferDetail> {
  return api.post<TransferDetail>(`/api/transfers/${id}/${action}`, text);
}

/** 48小时及时响应率 of the organization (default: the post's root) and each direct child. */
export function fetchResponseStats(orgId: number | undefined, signal?: AbortSignal): Promise<ResponseStats> {
  return api.get<ResponseStats>('/api/transfers/response-stats', { query: { orgId }, signal });
}
