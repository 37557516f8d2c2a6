import { useState } from 'react';
import { App, Button, Popconfirm } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useCan, useMe } from '../../auth/hooks/useSession';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { saveBlob } from '../../common/utils/save-blob';
import { downloadBranchActivations } from '../api/accounts-api';

type Props = { branch: { id: number; name: string } };

/**
 * 批量开通账号: every member of the branch in good standing without an activated account gets an
 * account (or a fresh code), listed in a workbook for the secretary to hand out line by line.
 */
export function BranchActivationsButton({ branch }: Props) {
  const t = useT();
  const can = useCan();
  const me = useMe();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  if (!can('member.account')) return null;

  const run = async () => {
    setBusy(true);
    try {
      const { blob, count } = await downloadBranchActivations(branch.id, me.csrfToken);
      saveBlob(blob, `${branch.name}_激活码.xlsx`);
      message.success(t('accounts.branch.done', { count }));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popconfirm
      title={t('accounts.branch.title', { name: branch.name })}
      description={<div style={{ maxWidth: 360 }}>{t('accounts.branch.hint')}</div>}
      onConfirm={() => void run()}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
    >
      <Button icon={<KeyOutlined />} loading={busy}>
        {t('accounts.branch.button')}
      </Button>
    </Popconfirm>
  );
}
