import { useState, type ReactNode } from 'react';
import { Alert, Button, Drawer, Flex, Grid, Skeleton, Space, Tag, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { actAsApplicant, decideTransfer } from '../api/transfer-api';
import { useTransferDetail } from '../hooks/useTransferDetail';
import { useTransferMeta } from '../hooks/useTransferMeta';
import type { DecisionAction } from '../types/transfer';
import type { TransferMove } from '../utils/action-config';
import { TransferActions } from './TransferActions';
import { TransferChain } from './TransferChain';
import { TransferMoveModal } from './TransferMoveModal';
import { TransferNextStep } from './TransferNextStep';
import { TransferStatusTag } from './TransferStatusTag';
import { TransferSummary } from './TransferSummary';
import { TransferTimeline } from './TransferTimeline';

type Props = {
  transferId: number;
  onClose: () => void;
  /** After a move, so that the page can refresh its boxes. */
  onChanged: () => void;
};

const DECISIONS: readonly TransferMove[] = ['approve', 'return', 'accept_appeal', 'reject_appeal'];

/** 转接详情: where it stands and what comes next, the moves the server opens to this post, the chain and the record. */
export function TransferDetailDrawer({ transferId, onClose, onChanged }: Props) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const screens = Grid.useBreakpoint();
  const { meta } = useTransferMeta();
  const detail = useTransferDetail(transferId);
  const data = detail.data;
  const [move, setMove] = useState<TransferMove | null>(null);

  const section = (title: string, body: ReactNode) => (
    <section aria-label={title}>
      <Typography.Title level={5} className="tw-section-title">
        {title}
      </Typography.Title>
      {body}
    </section>
  );

  const submit = (text: { reason: string | null; evidence?: string }) =>
    move && DECISIONS.includes(move)
      ? decideTransfer(transferId, move as DecisionAction, text.reason)
      : actAsApplicant(transferId, move === 'appeal' ? 'appeal' : 'withdraw', text);

  return (
    <Drawer
      open
      title={
        data ? (
          <Space size={8} wrap>
            {t('transfer.detailTitle', { name: data.memberName })}
            <TransferStatusTag status={data.status} />
            {data.overdue && <Tag color="red">{t('transfer.overdue')}</Tag>}
          </Space>
        ) : (
          t('transfer.detail')
        )
      }
      onClose={onClose}
      size={screens.md === false ? '100%' : 760}
      destroyOnHidden
    >
      {detail.error !== null && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(detail.error)}
          action={
            <Button size="small" onClick={detail.reload}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {!data && detail.error === null && <Skeleton active />}
      {data && (
        <Flex vertical gap={20}>
          <TransferNextStep transfer={data} />
          <TransferActions can={data.can} onMove={setMove} />
          {section(t('transfer.chain'), <TransferChain transfer={data} />)}
          {section(t('transfer.facts'), <TransferSummary transfer={data} />)}
          {section(t('transfer.record'), <TransferTimeline events={data.events} responseHours={meta?.responseHours} />)}
        </Flex>
      )}
      {move && data && (
        <TransferMoveModal
          move={move}
          memberName={data.memberName}
          submit={submit}
          onClose={() => setMove(null)}
          onDone={(transfer) => {
            setMove(null);
            // The answer is the transfer as it stands now, with what the caller may do next.
            detail.replace(transfer);
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}
