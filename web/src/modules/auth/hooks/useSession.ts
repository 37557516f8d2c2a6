import { useCallback, useContext } from 'react';
import { SessionContext, type SessionValue } from './SessionContext';
import type { Me, Permission, Post } from '../types/me';

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in session; only for components rendered behind <RequireAuth>. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useMe needs an authenticated session');
  return state.me;
}

export function useCurrentPost(): Post | undefined {
  const me = useMe();
  return me.posts.find((post) => post.id === me.currentPostId);
}

export function useCan(): (permission: Permission) => boolean {
  const { state } = useSession();
  const permissions = state.status === 'authenticated' ? state.me.permissions : undefined;
  return useCallback((permission) => permissions?.includes(permission) ?? false, [permissions]);
}
