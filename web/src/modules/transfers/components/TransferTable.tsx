import { Button, Flex, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useT } from '../../../i18n';
import type { Page } from '../../common/types/page';
import { useTransferMeta } from '../hooks/useTransferMeta';
import type { Transfer } from '../types/transfer';
import { StageProgress } from './StageProgress';
import { TransferRoute } from './TransferRoute';
import { TransferStatusTag } from './TransferStatusTag';
import { WaitingTime } from './WaitingTime';

type Props = {
  data: Page<Transfer> | null;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  onOpen: (transfer: Transfer) => void;
  /** A phone: one column with everything stacked. */
  compact: boolean;
  emptyText: string;
};

const WIDTHS = { member: 120, route: 260, reason: 130, stage: 250, waiting: 150, status: 100 };

/** The transfers of a box: who, from where to where, why, where it stands, how long it has waited. */
export function TransferTable({ data, loading, page, pageSize, onPageChange, onOpen, compact, emptyText }: Props) {
  const t = useT();
  const { reason } = useTransferMeta();

  const nameLink = (row: Transfer) => (
    <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onOpen(row)}>
      {row.memberName}
    </Button>
  );

  const fullColumns: TableProps<Transfer>['columns'] = [
    { key: 'member', title: t('transfer.col.member'), width: WIDTHS.member, fixed: 'start', render: (_, row) => nameLink(row) },
    { key: 'route', title: t('transfer.col.route'), width: WIDTHS.route, render: (_, row) => <TransferRoute transfer={row} /> },
    { key: 'reason', title: t('transfer.col.reason'), width: WIDTHS.reason, render: (_, row) => reason(row.reason) },
    { key: 'stage', title: t('transfer.col.stage'), width: WIDTHS.stage, render: (_, row) => <StageProgress transfer={row} /> },
    { key: 'waiting', title: t('transfer.col.waiting'), width: WIDTHS.waiting, render: (_, row) => <WaitingTime transfer={row} /> },
    { key: 'status', title: t('transfer.col.status'), width: WIDTHS.status, render: (_, row) => <TransferStatusTag status={row.status} /> },
  ];

  const compactColumns: TableProps<Transfer>['columns'] = [
    {
      key: 'member',
      title: t('transfer.col.member'),
      render: (_, row) => (
        <Flex vertical gap={4} align="start">
          <Space size={6} wrap>
            {nameLink(row)}
            <TransferStatusTag status={row.status} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {reason(row.reason)}
            </Typography.Text>
          </Space>
          <TransferRoute transfer={row} />
          <StageProgress transfer={row} />
          <WaitingTime transfer={row} />
        </Flex>
      ),
    },
  ];

  return (
    <Table<Transfer>
      rowKey="id"
      size="small"
      columns={compact ? compactColumns : fullColumns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={compact ? undefined : { x: Object.values(WIDTHS).reduce((sum, w) => sum + w, 0) }}
      locale={{ emptyText }}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: !compact,
        simple: compact,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: compact ? undefined : (total) => t('common.total', { total }),
        onChange: onPageChange,
      }}
    />
  );
}
