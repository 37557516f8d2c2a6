import { api } from '../../../api/client';
import type { MemberDues } from '../../dues/types/dues';

/** One's own 团费台账; 404 with a message when the account is not linked to a member record. */
export function fetchMyDues(signal?: AbortSignal): Promise<MemberDues> {
  return api.get<MemberDues>('/api/me/dues', { signal });
}
