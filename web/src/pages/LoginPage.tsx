import { Card, Typography } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import { useT } from '../i18n';
import { LoginForm } from '../modules/auth/components/LoginForm';
import { SignInShell } from '../modules/auth/components/SignInShell';
import { useSession } from '../modules/auth/hooks/useSession';
import { FullPageSpin } from '../modules/common/components/FullPageSpin';

/** Only same-site paths are followed after sign-in. */
function safeTarget(from: unknown): string {
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/login'
    ? from
    : '/';
}

export default function LoginPage() {
  const t = useT();
  const { state } = useSession();
  const location = useLocation();
  const target = safeTarget((location.state as { from?: unknown } | null)?.from);

  if (state.status === 'loading') return <FullPageSpin />;
  if (state.status === 'authenticated') return <Navigate to={target} replace />;

  return (
    <SignInShell>
      <Card title={t('auth.loginTitle')}>
        <LoginForm />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
          {t('auth.privacyNote')}
        </Typography.Paragraph>
      </Card>
    </SignInShell>
  );
}
