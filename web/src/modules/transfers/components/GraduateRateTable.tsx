import { Button, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useT } from '../../../i18n';
import { formatRate } from '../../dues/utils/percent';
import type { GraduateRate, GraduateRateRow } from '../types/graduate';

type Props = {
  data: GraduateRate;
  loading: boolean;
  onDrill: (row: GraduateRateRow) => void;
};

/** The organization first, then one row per direct child; a child with graduates opens its own children. */
export function GraduateRateTable({ data, loading, onDrill }: Props) {
  const t = useT();
  const isTotal = (row: GraduateRateRow) => row.orgId === data.org.orgId;
  const count = (value: number) => (value === 0 ? <Typography.Text type="secondary">0</Typography.Text> : value);
  const number = (key: keyof GraduateRateRow, title: string, width = 84) => ({
    key,
    title,
    width,
    align: 'end' as const,
    render: (_: unknown, row: GraduateRateRow) => count(row[key] as number),
  });

  const columns: TableProps<GraduateRateRow>['columns'] = [
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
        ) : row.graduates > 0 ? (
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
    number('graduates', t('graduate.col.graduates')),
    number('settled', t('graduate.col.settled')),
    number('retained', t('graduate.col.retained'), 96),
    number('inTransfer', t('graduate.col.inTransfer')),
    {
      key: 'rate',
      title: t('graduate.col.rate'),
      width: 96,
      align: 'end',
      render: (_, row) => (
        <Typography.Text type={row.meetsTarget === false ? 'danger' : undefined}>{formatRate(row.rate, t('common.none'))}</Typography.Text>
      ),
    },
    {
      key: 'target',
      title: t('graduate.col.target', { percent: data.targetPercent }),
      width: 96,
      render: (_, row) =>
        row.meetsTarget === null ? (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ) : (
          <Tag color={row.meetsTarget ? 'success' : 'error'}>{row.meetsTarget ? t('graduate.meets') : t('graduate.short')}</Tag>
        ),
    },
  ];

  return (
    <Table<GraduateRateRow>
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
