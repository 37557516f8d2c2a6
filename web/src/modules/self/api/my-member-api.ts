import { api } from '../../../api/client';
import type { MyMemberRecord } from '../types/my-member';

/** 404 with a message when the account is not linked to a member record yet. */
export function fetchMyMember(signal?: AbortSignal): Promise<MyMemberRecord> {
  return api.get<MyMemberRecord>('/api/me/member', { signal });
}
