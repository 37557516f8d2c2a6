import { useState } from 'react';
import { App, Button, Popconfirm } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { openMemberAccount } from '../api/accounts-api';
import type { CredentialGrant } from '../types/account';
import { CredentialGrantModal } from './CredentialGrantModal';

type Props = { member: { id: number; name: string; status: string } };

/**
 * 为团员开通账号 from the member's record: the account gets a generated username and waits for the
 * member to activate it with the one-time code, which is shown here once. Asking again before the
 * member activates gives a new code and voids the old one.
 */
export function OpenMemberAccountButton({ member }: Props) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<{ username: string; grant: CredentialGrant } | null>(null);
  if (!can('member.account') || member.status !== 'normal') return null;

  const open = async () => {
    setBusy(true);
    try {
      const opened = await openMemberAccount(member.id);
      message.success(t(opened.created ? 'accounts.member.opened' : 'accounts.member.reissued', { name: member.name, username: opened.username }));
      setShown({ username: opened.username, grant: opened.activation });
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Popconfirm title={t('accounts.member.openTitle')} description={t('accounts.createHint')} onConfirm={() => void open()} okText={t('common.ok')} cancelText={t('common.cancel')}>
        <Button icon={<KeyOutlined />} loading={busy}>
          {t('accounts.member.open')}
        </Button>
      </Popconfirm>
      {shown && <CredentialGrantModal username={shown.username} grant={shown.grant} onClose={() => setShown(null)} />}
    </>
  );
}
