import { api } from '../../../api/client';
import type {
  AssessDuesInput,
  DuesListPage,
  DuesListQuery,
  DuesMeta,
  DuesStats,
  MemberDues,
  RecordPaymentsInput,
} from '../types/dues';

export function fetchDuesMeta(): Promise<DuesMeta> {
  return api.get<DuesMeta>('/api/dues/meta');
}

/** Members in scope by dues standing, longest-owing first. */
export function listDuesMembers(query: DuesListQuery, signal?: AbortSignal): Promise<DuesListPage> {
  return api.get<DuesListPage>('/api/dues/members', { query, signal });
}

export function getMemberDues(memberId: number, signal?: AbortSignal): Promise<MemberDues> {
  return api.get<MemberDues>(`/api/dues/members/${memberId}`, { signal });
}

/** 核定团费标准; the server works out the monthly amount and returns it. */
export function assessDues(input: AssessDuesInput): Promise<{ assessed: number; monthlyFen: number }> {
  return api.post('/api/dues/assessments', input);
}

/** 登记收缴 through the offline provider: each member pays from their first unpaid month. */
export function recordPayments(input: RecordPaymentsInput): Promise<{ payments: number; amountFen: number }> {
  return api.post('/api/dues/payments', { ...input, provider: 'offline' });
}

export function reversePayment(paymentId: number, reason: string): Promise<void> {
  return api.post(`/api/dues/payments/${paymentId}/reversal`, { reason });
}

/** The organization (default: the post's root) and one row per direct child. */
export function fetchDuesStats(orgId: number | undefined, signal?: AbortSignal): Promise<DuesStats> {
  return api.get<DuesStats>('/api/dues/stats', { query: { orgId }, signal });
}
