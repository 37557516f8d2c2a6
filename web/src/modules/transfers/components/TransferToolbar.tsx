import { Button, Space } from 'antd';
import { ImportOutlined, SendOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';

export type TransferToolbarAction = 'start' | 'incoming';

/** 发起转接 (the sending side) and 转入发起 (the receiving side), for posts that may apply. */
export function TransferToolbar({ onAction }: { onAction: (action: TransferToolbarAction) => void }) {
  const t = useT();
  const can = useCan();
  if (!can('transfer.apply')) return null;
  return (
    <Space size={8} wrap>
      <Button icon={<ImportOutlined />} onClick={() => onAction('incoming')}>
        {t('transfer.incoming.open')}
      </Button>
      <Button type="primary" icon={<SendOutlined />} onClick={() => onAction('start')}>
        {t('transfer.start.open')}
      </Button>
    </Space>
  );
}
