import { api, isApiError, setCsrfToken } from '../../../api/client';
import type { Me, SecondFactorChallenge, SecondFactorSeed } from '../types/me';

function remember(me: Me): Me {
  setCsrfToken(me.csrfToken);
  return me;
}

/** A session, or the one-time code still to come for administrators and provincial and city cadres. */
export async function login(username: string, password: string): Promise<Me | SecondFactorChallenge> {
  const answer = await api.post<Me | SecondFactorChallenge>('/api/auth/login', { username, password }, { allowUnauthenticated: true });
  return 'secondFactor' in answer ? answer : remember(answer);
}

export async function secondFactorSeed(challenge: string): Promise<SecondFactorSeed> {
  return api.post<SecondFactorSeed>('/api/auth/second-factor/enroll', { challenge }, { allowUnauthenticated: true });
}

export async function verifySecondFactor(challenge: string, code: string): Promise<Me> {
  return remember(await api.post<Me>('/api/auth/second-factor/verify', { challenge, code }, { allowUnauthenticated: true }));
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
