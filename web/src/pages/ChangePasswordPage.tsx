import { Alert, Card } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../i18n';
import { ChangePasswordForm } from '../modules/auth/components/ChangePasswordForm';
import { useMe, useSession } from '../modules/auth/hooks/useSession';

export default function ChangePasswordPage() {
  const t = useT();
  const me = useMe();
  const { refresh } = useSession();
  const navigate = useNavigate();

  const onChanged = async () => {
    // The flag clears on the server; reload Me so that the rest of the app opens up.
    const next = await refresh().catch(() => null);
    if (next) navigate('/', { replace: true });
  };

  return (
    <Card title={t('password.title')} size="small">
      {me.user.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          title={me.user.passwordExpired ? t('password.expired') : t('password.mustChange')}
          style={{ marginBottom: 16, maxWidth: 420 }}
        />
      )}
      <ChangePasswordForm onChanged={() => void onChanged()} />
    </Card>
  );
}
