import { Button, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useT } from '../../../i18n';
import type { Page } from '../../common/types/page';
import { useTransferMeta } from '../hooks/useTransferMeta';
import type { Graduate } from '../types/graduate';
import { TransferStatusTag } from './TransferStatusTag';

type Props = {
  data: Page<Graduate> | null;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  /** Ticked graduates; undefined when the post may not assign. */
  selectedIds?: number[];
  onSelectionChange: (ids: number[], rows: Graduate[]) => void;
  onOpenTransfer: (transferId: number) => void;
  emptyText: string;
};

/** The graduates of a batch: branch, destination, and their transfer (which opens) or when they were placed. */
export function GraduateTable(props: Props) {
  const { data, loading, page, pageSize, onPageChange, selectedIds, onSelectionChange, onOpenTransfer, emptyText } = props;
  const t = useT();
  const { destination } = useTransferMeta();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const columns: TableProps<Graduate>['columns'] = [
    { key: 'name', title: t('member.col.name'), width: 100, render: (_, g) => g.name },
    { key: 'org', title: t('graduate.col.branch'), width: 180, render: (_, g) => g.orgName },
    {
      key: 'destination',
      title: t('graduate.col.destination'),
      width: 200,
      render: (_, g) => (g.destination ? destination(g.destination) : <Typography.Text type="warning">{t('graduate.state.unassigned')}</Typography.Text>),
    },
    {
      key: 'transfer',
      title: t('graduate.col.transfer'),
      width: 140,
      render: (_, g) =>
        g.transferId !== null && g.transferStatus ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpenTransfer(g.transferId!)}>
            <TransferStatusTag status={g.transferStatus} />
          </Button>
        ) : g.settled ? (
          t('graduate.keptAtSchool')
        ) : (
          none
        ),
    },
    { key: 'settledAt', title: t('graduate.col.settledAt'), width: 110, render: (_, g) => (g.settledAt ? g.settledAt.slice(0, 10) : none) },
  ];

  return (
    <Table<Graduate>
      rowKey="memberId"
      size="small"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText }}
      rowSelection={
        selectedIds
          ? {
              selectedRowKeys: selectedIds,
              preserveSelectedRowKeys: true,
              // Only graduates without a destination yet can be assigned one.
              getCheckboxProps: (g) => ({ disabled: g.settled || g.transferId !== null, 'aria-label': g.name }),
              onChange: (keys, rows) => onSelectionChange(keys.map(Number), rows.filter(Boolean)),
            }
          : undefined
      }
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => t('common.total', { total }),
        onChange: onPageChange,
      }}
    />
  );
}
