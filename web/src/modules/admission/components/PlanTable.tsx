import type { ReactNode } from 'react';
import { Button, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useT } from '../../../i18n';
import type { DevelopmentPlan, PlanRow } from '../types/admission';
import { percentOf } from '../utils/percent';

type Props = {
  plan: DevelopmentPlan;
  loading: boolean;
  onQuota: (row: PlanRow) => void;
  onRange: (row: PlanRow) => void;
  onDrill: (orgId: number) => void;
};

/** The organization first, then each direct child: quota and admissions, then the 团员编号 held and used. */
export function PlanTable({ plan, loading, onQuota, onRange, onDrill }: Props) {
  const t = useT();
  const none = t('common.none');
  const isTotal = (row: PlanRow) => row.orgId === plan.org.orgId;
  const muted = (value: number) => (value === 0 ? <Typography.Text type="secondary">0</Typography.Text> : value);
  const number = (key: string, title: string, width: number, render: (row: PlanRow) => ReactNode) => ({
    key,
    title,
    width,
    align: 'end' as const,
    render: (_: unknown, row: PlanRow) => render(row),
  });

  const columns: TableProps<PlanRow>['columns'] = [
    {
      key: 'name',
      title: t('stats.col.org'),
      fixed: 'start',
      width: 184,
      render: (_, row) =>
        isTotal(row) ? (
          <span>
            <Typography.Text strong>{row.name}</Typography.Text> <Tag>{t('admission.plan.own')}</Tag>
          </span>
        ) : (
          <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => onDrill(row.orgId)}>
            {row.name}
          </Button>
        ),
    },
    {
      key: 'plan',
      title: t('admission.plan.col.plan'),
      children: [
        number('quota', t('admission.plan.col.quota'), 76, (row) => row.quota ?? <Typography.Text type="secondary">{t('admission.plan.notSet')}</Typography.Text>),
        number('issued', t('admission.plan.col.issued'), 72, (row) => muted(row.issued)),
        number('left', t('admission.plan.col.left'), 64, (row) =>
          row.quota === null ? none : row.quota - row.issued === 0 && row.quota > 0 ? <Typography.Text type="danger">0</Typography.Text> : row.quota - row.issued,
        ),
        number('childrenQuota', t('admission.plan.col.childrenQuota'), 88, (row) => muted(row.childrenQuota)),
      ],
    },
    {
      key: 'numbers',
      title: t('admission.plan.col.numbersGroup'),
      children: [
        number('numbers', t('admission.plan.col.numbers'), 80, (row) => muted(row.numbers)),
        number('used', t('admission.plan.col.numbersUsed'), 64, (row) => muted(row.numbersUsed)),
        number('delegated', t('admission.plan.col.numbersDelegated'), 64, (row) => muted(row.numbersDelegated)),
        number('rate', t('admission.plan.col.usage'), 88, (row) => percentOf(row.numbersUsed, row.numbers) ?? none),
      ],
    },
    {
      key: 'actions',
      title: t('member.col.actions'),
      fixed: 'end',
      width: 152,
      // The server says on which rows the post may plan: a committee above the organization, or the province at the root.
      render: (_, row) =>
        row.mayPlan ? (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => onQuota(row)}>
              {t('admission.quota.open')}
            </Button>
            <Button type="link" size="small" onClick={() => onRange(row)}>
              {t('admission.range.open')}
            </Button>
          </Space>
        ) : null,
    },
  ];

  const rows = [plan.org, ...plan.children];
  // A post that may plan none of the rows gets no empty action column.
  const shown = rows.some((row) => row.mayPlan) ? columns : columns.filter((column) => column.key !== 'actions');

  return (
    <Table<PlanRow>
      rowKey="orgId"
      size="small"
      bordered
      columns={shown}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowClassName={(row) => (isTotal(row) ? 'tw-stat-total' : '')}
    />
  );
}
