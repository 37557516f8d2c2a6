import { ArrowRightOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useT } from '../../../i18n';
import type { Transfer } from '../types/transfer';

/** 转出 → 转入: the sending branch, then the receiving branch or where outside the province. */
export function TransferRoute({ transfer }: { transfer: Transfer }) {
  const t = useT();
  const to = transfer.toOrg?.name ?? (transfer.outsideDestination ? t('transfer.outsideTo', { place: transfer.outsideDestination }) : t('common.none'));
  return (
    <Flex vertical gap={0} style={{ minWidth: 0 }}>
      <Typography.Text>{transfer.fromOrg.name}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <ArrowRightOutlined aria-label={t('transfer.to')} /> {to}
      </Typography.Text>
    </Flex>
  );
}
