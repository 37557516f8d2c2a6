import { Button, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useT } from '../../../i18n';
import { formatRate } from '../../dues/utils/percent';
import type { ResponseRow, ResponseStats } from '../types/transfer';

type Props = {
  data: ResponseStats;
  loading: boolean;
  onDrill: (row: ResponseRow) => void;
};

/** The organization first, then one row per direct child; a child that had transfers to answer opens its own. */
export function ResponseRateTable({ data, loading, onDrill }: Props) {
  const t = useT();
  const isTotal = (row: ResponseRow) => row.orgId === data.org.orgId;
  const count = (value: number, danger = false) =>
    value === 0 ? <Typography.Text type="secondary">0</Typography.Text> : danger ? <Typography.Text type="danger">{value}</Typography.Text> : value;

  const columns: TableProps<ResponseRow>['columns'] = [
    {
      key: 'name',
      title: t('stats.col.org'),
      fixed: 'start',
      width: 220,
      render: (_, row) =>
        isTotal(row) ? (
          <span>
            <Typography.Text strong>{row.name}</Typography.Text> <Tag>{t('stats.total')}</Tag>
          </span>
        ) : row.decided + row.overdueOpen > 0 ? (
          <Button
            type="link"
            size="small"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
            onClick={() => onDrill(row)}
          >
            {row.name}
          </Button>
        ) : (
          row.name
        ),
    },
    { key: 'decided', title: t('response.col.decided'), width: 96, align: 'end', render: (_, row) => count(row.decided) },
    { key: 'onTime', title: t('response.col.onTime', { hours: data.hours }), width: 120, align: 'end', render: (_, row) => count(row.onTime) },
    { key: 'overdueOpen', title: t('response.col.overdueOpen'), width: 110, align: 'end', render: (_, row) => count(row.overdueOpen, true) },
    { key: 'rate', title: t('response.col.rate'), width: 110, align: 'end', render: (_, row) => formatRate(row.rate, t('common.none')) },
  ];

  return (
    <Table<ResponseRow>
      rowKey="orgId"
      size="small"
      bordered
      columns={columns}
      dataSource={[data.org, ...data.children]}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowClassName={(row) => (isTotal(row) ? 'tw-stat-total' : '')}
    />
  );
}
