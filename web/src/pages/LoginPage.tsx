import { Card, Typography } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import { useT } from '../i18n';
import { LoginForm } from '../modules/auth/components/LoginForm';
import { useSession } from '../modules/auth/hooks/useSession';
import { BrandMark } from '../modules/common/components/BrandMark';
import { FullPageSpin } from '../modules/common/components/FullPageSpin';
import { LanguageSwitch } from '../modules/common/components/LanguageSwitch';

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
    <div className="tw-login">
      <div className="tw-login-top">
        <LanguageSwitch />
      </div>
      <main className="tw-login-main">
        <div className="tw-login-card">
          <div className="tw-login-heading">
            <BrandMark size={48} />
            <h1>{t('app.name')}</h1>
            <div>{t('app.subtitle')}</div>
          </div>
          <Card title={t('auth.loginTitle')}>
            <LoginForm />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
              {t('auth.privacyNote')}
            </Typography.Paragraph>
          </Card>
        </div>
      </main>
      <footer className="tw-login-footer">{t('app.footer')}</footer>
    </div>
  );
}
