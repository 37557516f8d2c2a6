import { api, isApiError, setCsrfToken } from '../../../api/client';
import type { Me } from '../types/me';

function remember(me: Me): Me {
  setCsrfToken(me.csrfToken);
  return me;
}

export async function login(username: string, password: string): Promise<Me> {
  return remember(
    await api.post<Me>('/api/auth/login', { username, password }, { allowUnauthenticated: true }),
  );
}

/** The current session, or null when nobody is signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return remember(await api.get<Me>('/api/auth/me', { allowUnauthenticated: true }));
  } catch (err) {
    if (isApiError(err) && err.status === 401) return null;
    throw err;
  }
}

export async function logout(): Promise<void> {
  try {
    await api.post<void>('/api/auth/logout', {}, { allowUnauthenticated: true });
  } finally {
    setCsrfToken(null);
  }
}

export async function switchPost(postId: number): Promise<Me> {
  return remember(await api.post<Me>('/api/auth/switch-post', { postId }));
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await api.post<void>('/api/auth/change-password', { currentPassword, newPassword });
}
