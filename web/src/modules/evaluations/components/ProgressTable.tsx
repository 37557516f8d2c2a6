import type { ReactNode } from 'react';
import { Button, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useT } from '../../../i18n';
import { useEvaluationMeta } from '../hooks/useEvaluationMeta';
import type { CycleStatus, EvaluationProgress, Grade, ProgressRow } from '../types/evaluation';

type Props = { progress: EvaluationProgress; loading: boolean; onDrill: (orgId: number) => void };

const STATUSES: CycleStatus[] = ['open', 'submitted', 'returned', 'approved'];
const GRADES: Grade[] = ['excellent', 'qualified', 'basic', 'unqualified'];

/** The organization and each child: branch cycles by status, and the outcomes of the approved ones. */
export function ProgressTable({ progress, loading, onDrill }: Props) {
  const t = useT();
  const { grade } = useEvaluationMeta();
  const isTotal = (row: ProgressRow) => row.orgId === progress.org.orgId;
  const count = (value: number | undefined) => (value ? value : <Typography.Text type="secondary">0</Typography.Text>);
  const number = (key: string, title: string, render: (row: ProgressRow) => ReactNode) => ({
    key,
    title,
    width: 72,
    align: 'end' as const,
    render: (_: unknown, row: ProgressRow) => render(row),
  });

  const columns: TableProps<ProgressRow>['columns'] = [
    {
      key: 'name',
      title: t('stats.col.org'),
      fixed: 'start',
      width: 184,
      render: (_, row) =>
        isTotal(row) ? (
          <span>
            <Typography.Text strong>{row.name}</Typography.Text> <Tag>{t('stats.total')}</Tag>
          </span>
        ) : (
          <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => onDrill(row.orgId)}>
            {row.name}
          </Button>
        ),
    },
    // Column heads are short: 待上级审批 reads as 待审批 where the group head already says whose.
    { key: 'cycles', title: t('evaluation.progress.cycles'), children: STATUSES.map((s) => number(s, t(`evaluation.progress.status.${s}`), (row) => count(row.cycles[s]))) },
    {
      key: 'outcomes',
      title: t('evaluation.progress.outcomes'),
      children: [
        number('registered', t('evaluation.progress.registered'), (row) => count(row.registered)),
        number('deferred', t('evaluation.progress.deferred'), (row) => count(row.deferred)),
        ...GRADES.map((g) => number(g, grade(g), (row) => count(row.grades[g]))),
      ],
    },
  ];

  return (
    <Table<ProgressRow>
      rowKey="orgId"
      size="small"
      bordered
      columns={columns}
      dataSource={[progress.org, ...progress.children]}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowClassName={(row) => (isTotal(row) ? 'tw-stat-total' : '')}
    />
  );
}
