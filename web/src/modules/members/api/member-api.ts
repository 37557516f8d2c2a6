import { api, downloadFile } from '../../../api/client';
import type { Page } from '../../common/types/page';
import type {
  Member,
  MemberInput,
  MemberListFilter,
  MemberListQuery,
  MemberPatch,
  RevealedMember,
} from '../types/member';

export function listMembers(query: MemberListQuery, signal?: AbortSignal): Promise<Page<Member>> {
  return api.get<Page<Member>>('/api/members', { query, signal });
}

export function getMember(id: number, signal?: AbortSignal): Promise<Member> {
  return api.get<Member>(`/api/members/${id}`, { signal });
}

export function createMember(input: MemberInput): Promise<Member> {
  return api.post<Member>('/api/members', input);
}

export function updateMember(id: number, patch: MemberPatch): Promise<Member> {
  return api.patch<Member>(`/api/members/${id}`, patch);
}

/** The full ID and phone numbers; the server writes the reason to the audit log. */
export function revealMember(id: number, reason: string): Promise<RevealedMember> {
  return api.post<RevealedMember>(`/api/members/${id}/reveal`, { reason });
}

export function exportMembers(filter: MemberListFilter, fallbackName: string) {
  return downloadFile('/api/members/export.xlsx', filter, fallbackName);
}
