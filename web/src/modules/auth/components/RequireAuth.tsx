import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import { useT } from '../../../i18n';
import { FullPageSpin } from '../../common/components/FullPageSpin';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { useSession } from '../hooks/useSession';

export const PASSWORD_PATH = '/password';

/** Lets only a signed-in user through, and only to the password page until it is changed. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state, refresh } = useSession();
  const location = useLocation();
  const t = useT();
  const errorMessage = useErrorMessage();

  if (state.status === 'loading') return <FullPageSpin />;
  if (state.status === 'error') {
    return (
      <Result
        status="warning"
        title={errorMessage(state.error)}
        extra={<Button onClick={() => void refresh().catch(() => undefined)}>{t('common.retry')}</Button>}
      />
    );
  }
  if (state.status === 'anonymous') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (state.me.user.mustChangePassword && location.pathname !== PASSWORD_PATH) {
    return <Navigate to={PASSWORD_PATH} replace />;
  }
  return children;
}
