import type { ReactNode } from 'react';
import { Button, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useT } from '../../../i18n';
import type { DuesStatRow, DuesStats } from '../types/dues';

import { formatRate } from '../utils/percent';
import { Yuan } from './Yuan';

type Props = {
  stats: DuesStats;
  loading: boolean;
  /** A child row was chosen: select it in the tree and show its own children. */
  onDrill: (orgId: number) => void;
};

/** The organization itself first, then one row per direct child; a child's row drills down. */
export function DuesStatTable({ stats, loading, onDrill }: Props) {
  const t = useT();
  const isTotal = (row: DuesStatRow) => row.orgId === stats.org.orgId;

  const count = (value: number, tone?: 'danger' | 'warning') =>
    value === 0 ? <Typography.Text type="secondary">0</Typography.Text> : tone ? <Typography.Text type={tone}>{value}</Typography.Text> : value;
  const number = (key: string, title: string, width: number, render: (row: DuesStatRow) => ReactNode) => ({
    key,
    title,
    width,
    align: 'end' as const,
    render: (_: unknown, row: DuesStatRow) => render(row),
  });
  const money = (fen: number) => <Yuan fen={fen} />;

  const columns: TableProps<DuesStatRow>['columns'] = [
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
        ) : (
          <Button
            type="link"
            size="small"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
            onClick={(event) => {
              event.stopPropagation();
              onDrill(row.orgId);
            }}
          >
            {row.name}
          </Button>
        ),
    },
    {
      key: 'members',
      title: t('dues.stats.col.members'),
      children: [
        number('active', t('stats.col.active'), 76, (row) => count(row.active)),
        number('assessed', t('dues.stats.col.assessed'), 76, (row) => count(row.assessed)),
        number('unassessed', t('dues.stats.col.unassessed'), 76, (row) => count(row.unassessed)),
      ],
    },
    {
      key: 'standing',
      title: t('dues.stats.col.standing', { month: stats.month }),
      children: [
        number('paidUp', t('dues.kind.paid_up'), 76, (row) => count(row.paidUp)),
        number('owing', t('dues.kind.owing'), 76, (row) => count(row.owing, 'warning')),
        number('lapse', t('dues.stats.col.lapse'), 88, (row) => count(row.lapse, 'danger')),
        number('rate', t('dues.stats.col.rate'), 88, (row) => formatRate(row.paidUpRate, t('common.none'))),
      ],
    },
    {
      key: 'collected',
      title: t('dues.stats.col.collected'),
      children: [
        number('month', t('dues.stats.col.month'), 96, (row) => money(row.collectedMonthFen)),
        number('year', t('dues.stats.col.year'), 104, (row) => money(row.collectedYearFen)),
        number('payments', t('dues.stats.col.payments'), 76, (row) => count(row.paymentsYear)),
        number('retained', t('dues.stats.col.retained'), 96, (row) => money(row.retainedYearFen)),
        number('remitted', t('dues.stats.col.remitted'), 96, (row) => money(row.remittedYearFen)),
      ],
    },
  ];

  return (
    <Table<DuesStatRow>
      rowKey="orgId"
      size="small"
      bordered
      columns={columns}
      dataSource={[stats.org, ...stats.children]}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowClassName={(row) => (isTotal(row) ? 'tw-stat-total' : 'tw-stat-drill')}
      onRow={(row) => (isTotal(row) ? {} : { onClick: () => onDrill(row.orgId) })}
    />
  );
}
