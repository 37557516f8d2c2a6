import { useState } from 'react';
import { Alert, Button, Card, Collapse, Divider, Flex, Skeleton, Space, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { TransferActions } from '../../transfers/components/TransferActions';
import { TransferChain } from '../../transfers/components/TransferChain';
import { TransferMoveModal } from '../../transfers/components/TransferMoveModal';
import { TransferNextStep } from '../../transfers/components/TransferNextStep';
import { TransferRoute } from '../../transfers/components/TransferRoute';
import { TransferStatusTag } from '../../transfers/components/TransferStatusTag';
import { TransferTimeline } from '../../transfers/components/TransferTimeline';
import { useTransferMeta } from '../../transfers/hooks/useTransferMeta';
import { OPEN_STATUSES } from '../../transfers/types/transfer';
import type { TransferMove } from '../../transfers/utils/action-config';
import { actOnMyTransfer } from '../api/my-transfers-api';
import { useMyTransfers } from '../hooks/useMyTransfers';
import { MyTransferApplyModal } from './MyTransferApplyModal';

/**
 * 我的组织关系转接: the transfer under way — where it stands, its chain, what one can do (申诉 after
 * a return, 撤回) — or the button to apply for one; earlier transfers below.
 */
export function MyTransferCard() {
  const t = useT();
  const can = useCan();
  const errorMessage = useErrorMessage();
  const { meta } = useTransferMeta();
  const transfers = useMyTransfers();
  const [applying, setApplying] = useState(false);
  const [move, setMove] = useState<TransferMove | null>(null);
  const items = transfers.data ?? [];
  const current = items.find((item) => OPEN_STATUSES.includes(item.status));
  const earlier = items.filter((item) => item !== current);
  const mayApply = can('self.transfer');

  return (
    <Card size="small" title={t('me.transfer.title')} className="tw-me-card">
      {transfers.error !== null && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(transfers.error)}
          action={
            <Button size="small" onClick={transfers.reload}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {!transfers.data && transfers.error === null && <Skeleton active paragraph={{ rows: 2 }} />}
      {transfers.data && (
        <Flex vertical gap={16}>
          {current ? (
            <>
              <Space size={8} wrap>
                <TransferStatusTag status={current.status} />
                <TransferRoute transfer={current} />
              </Space>
              <TransferNextStep transfer={current} />
              <TransferActions can={current.can} onMove={setMove} />
              <TransferChain transfer={current} />
              <Collapse
                size="small"
                items={[
                  {
                    key: 'record',
                    label: t('transfer.record'),
                    children: <TransferTimeline events={current.events} responseHours={meta?.responseHours} />,
                  },
                ]}
              />
            </>
          ) : (
            <Flex vertical gap={8} align="start">
              <Typography.Text type="secondary">{t('me.transfer.none')}</Typography.Text>
              {mayApply && (
                <Button type="primary" icon={<SendOutlined />} onClick={() => setApplying(true)}>
                  {t('me.transfer.apply')}
                </Button>
              )}
            </Flex>
          )}
          {earlier.length > 0 && (
            <Flex vertical gap={8}>
              <Divider titlePlacement="start" plain style={{ margin: 0 }}>
                {t('me.transfer.earlier')}
              </Divider>
              {earlier.map((item) => (
                <Flex key={item.id} justify="space-between" align="start" gap={8}>
                  <TransferRoute transfer={item} />
                  <Flex vertical align="end" style={{ flex: 'none' }}>
                    <TransferStatusTag status={item.status} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {(item.closedAt ?? item.createdAt).slice(0, 10)}
                    </Typography.Text>
                  </Flex>
                </Flex>
              ))}
            </Flex>
          )}
        </Flex>
      )}
      {applying && (
        <MyTransferApplyModal
          onClose={() => setApplying(false)}
          onApplied={() => {
            setApplying(false);
            transfers.reload();
          }}
        />
      )}
      {move && current && (
        <TransferMoveModal
          move={move}
          memberName={current.memberName}
          submit={(text) => actOnMyTransfer(current.id, move === 'appeal' ? 'appeal' : 'withdraw', text)}
          onClose={() => setMove(null)}
          onDone={() => {
            setMove(null);
            transfers.reload();
          }}
        />
      )}
    </Card>
  );
}
