import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { App } from 'antd';
import { setMustChangePasswordHandler, setUnauthorizedHandler } from '../../../api/client';
import { useT } from '../../../i18n';
import * as authApi from '../api/auth-api';
import { SessionContext, type SessionState, type SessionValue } from '../hooks/SessionContext';
import type { Me } from '../types/me';

/** Loads the session once, and keeps it in step with login, logout, post switches and 401s. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const { message } = App.useApp();
  const t = useT();
  const statusRef = useRef(state.status);
  useLayoutEffect(() => {
    statusRef.current = state.status;
  }, [state.status]);

  const setMe = useCallback((me: Me | null) => {
    setState(me ? { status: 'authenticated', me } : { status: 'anonymous' });
  }, []);

  const refresh = useCallback(async () => {
    const me = await authApi.fetchMe();
    setMe(me);
    return me;
  }, [setMe]);

  useEffect(() => {
    authApi.fetchMe().then(setMe, (error: unknown) => setState({ status: 'error', error }));
  }, [setMe]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (statusRef.current === 'authenticated') message.warning(t('auth.sessionExpired'));
      setMe(null);
    });
    setMustChangePasswordHandler(() => {
      void refresh().catch(() => undefined);
    });
  }, [message, t, setMe, refresh]);

  const value = useMemo<SessionValue>(
    () => ({
      state,
      refresh,
      login: async (username, password) => {
        const answer = await authApi.login(username, password);
        if (!('secondFactor' in answer)) setMe(answer);
        return answer;
      },
      verifySecondFactor: async (challenge, code) => {
        const me = await authApi.verifySecondFactor(challenge, code);
        setMe(me);
        return me;
      },
      logout: async () => {
        try {
          await authApi.logout();
        } finally {
          setMe(null);
        }
      },
      switchPost: async (postId) => {
        const me = await authApi.switchPost(postId);
        setMe(me);
        return me;
      },
    }),
    [state, refresh, setMe],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
