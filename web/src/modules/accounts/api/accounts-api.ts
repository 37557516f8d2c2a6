import { api, ApiError } from '../../../api/client';
import type { Page } from '../../common/types/page';
import type { Account, AccountOrgNode, AccountQuery, CredentialGrant, GrantInfo, RoleOption } from '../types/account';

export function listAccounts(query: AccountQuery, signal?: AbortSignal): Promise<Page<Account>> {
  return api.get<Page<Account>>('/api/accounts', { query, signal });
}

export async function fetchAccountOrgs(parentId?: number): Promise<AccountOrgNode[]> {
  return (await api.get<{ nodes: AccountOrgNode[] }>('/api/accounts/org-tree', { query: { parentId } })).nodes;
}

export async function fetchRoles(): Promise<RoleOption[]> {
  return (await api.get<{ items: RoleOption[] }>('/api/accounts/roles', { query: {} })).items;
}

export function createAccount(body: { username: string; displayName: string; orgId: number }) {
  return api.post<{ id: number; username: string; activation: CredentialGrant }>('/api/accounts', body);
}

export function setAccountEnabled(id: number, enabled: boolean, reason: string): Promise<void> {
  return api.post<void>(`/api/accounts/${id}/${enabled ? 'enable' : 'disable'}`, { reason });
}

export function issueResetLink(id: number): Promise<CredentialGrant> {
  return api.post<CredentialGrant>(`/api/accounts/${id}/reset-link`, {});
}

export function grantPost(id: number, body: { orgId: number; roleCode: string; scope?: string }): Promise<{ id: number }> {
  return api.post<{ id: number }>(`/api/accounts/${id}/posts`, body);
}

export function revokePost(postId: number, reason: string): Promise<void> {
  return api.post<void>(`/api/accounts/posts/${postId}/revoke`, { reason });
}

/** 重置动态验证码: the account sets a new authenticator up at its next sign-in; its sessions end. */
export function resetSecondFactor(id: number, reason: string): Promise<{ ended: number }> {
  return api.post<{ ended: number }>(`/api/accounts/${id}/reset-second-factor`, { reason });
}

export function endSessions(id: number, reason: string): Promise<{ ended: number }> {
  return api.post<{ ended: number }>(`/api/accounts/${id}/end-sessions`, { reason });
}

export function openMemberAccount(memberId: number) {
  return api.post<{ userId: number; username: string; created: boolean; activation: CredentialGrant }>('/api/accounts/for-member', { memberId });
}

/** Public: whose account a link or code opens (no session needed). */
export function fetchGrantInfo(token: string): Promise<GrantInfo> {
  return api.post<GrantInfo>('/api/auth/activation-info', { token }, { allowUnauthenticated: true });
}

/** Public: set one's own password with the link or code. */
export function activate(token: string, newPassword: string): Promise<GrantInfo> {
  return api.post<GrantInfo>('/api/auth/activate', { token, newPassword }, { allowUnauthenticated: true });
}

/**
 * 批量生成激活码: a POST that creates accounts and answers with a workbook, so it goes through
 * fetch itself (the JSON client reads bodies as JSON) with the session's CSRF token.
 */
export async function downloadBranchActivations(orgId: number, csrfToken: string): Promise<{ blob: Blob; count: number }> {
  let response: Response;
  try {
    response = await fetch('/api/accounts/for-branch.xlsx', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ orgId }),
    });
  } catch {
    throw ApiError.network();
  }
  if (!response.ok) {
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    throw ApiError.fromBody(response.status, body, response.headers.get('retry-after'));
  }
  return { blob: await response.blob(), count: Number(response.headers.get('x-activation-count') ?? 0) };
}
