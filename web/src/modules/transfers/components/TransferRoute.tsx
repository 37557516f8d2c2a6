import { ArrowRightOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useT } from '../../../i18n';
import type { Transfer } from '../types/transfer';
import { placedName } from '../utils/placed-name';

/**
 * 转出 → 转入: the sending branch, then the receiving branch or where outside the province; each
 * branch with the organization above it, since branch names repeat across the province.
 */
export function TransferRoute({ transfer }: { transfer: Transfer }) {
  const t = useT();
  const { fromOrg, toOrg } = transfer;
  const to = toOrg
    ? placedName(t, toOrg.name, toOrg.parentName)
    : transfer.outsideDestination
      ? t('transfer.outsideTo', { place: transfer.outsideDestination })
      : t('common.none');
  return (
    <Flex vertical gap={0} style={{ minWidth: 0 }}>
      <Typography.Text>
        {fromOrg.name}
        {fromOrg.parentName && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('transfer.parentOf', { parent: fromOrg.parentName })}
          </Typography.Text>
        )}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <ArrowRightOutlined aria-label={t('transfer.to')} /> {to}
      </Typography.Text>
    </Flex>
  );
}
