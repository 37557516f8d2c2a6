import { useMemo } from 'react';
import { Card, Empty, Flex, Grid, Progress, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useT } from '../../../i18n';
import { EChart } from '../../common/components/EChart';
import { useWorkplanMeta } from '../hooks/useWorkplanMeta';
import type { NamedGroup } from '../types/workplan';
import { groupBarsHeight, groupBarsOption } from '../utils/group-bars-option';

type Props = {
  groups: NamedGroup[];
  /** The name column's heading: 部门 or 单位. */
  nameTitle: string;
  chartTitle: string;
  emptyText: string;
};

/** Tasks of each department or organization by state, as stacked bars and as a table with the average progress. */
export function GroupPanel({ groups, nameTitle, chartTitle, emptyText }: Props) {
  const t = useT();
  const { state } = useWorkplanMeta();
  const screens = Grid.useBreakpoint();
  const labelWidth = screens.md === false ? 96 : 180;
  const option = useMemo(
    () => groupBarsOption(groups, { done: state('done'), onTrack: state('on_track'), lagging: state('lagging'), overdue: state('overdue') }, labelWidth),
    [groups, state, labelWidth],
  );
  if (groups.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;

  const columns: TableProps<NamedGroup>['columns'] = [
    { key: 'name', title: nameTitle, width: 200, render: (_, g) => g.name },
    { key: 'tasks', title: t('workplan.supervision.tasks'), width: 80, dataIndex: 'tasks' },
    { key: 'done', title: state('done'), width: 90, dataIndex: 'done' },
    { key: 'lagging', title: state('lagging'), width: 90, render: (_, g) => <Typography.Text type={g.lagging > 0 ? 'warning' : undefined}>{g.lagging}</Typography.Text> },
    { key: 'overdue', title: state('overdue'), width: 100, render: (_, g) => <Typography.Text type={g.overdue > 0 ? 'danger' : undefined}>{g.overdue}</Typography.Text> },
    { key: 'stale', title: t('workplan.stale'), width: 80, dataIndex: 'stale' },
    {
      key: 'average',
      title: t('workplan.supervision.average'),
      width: 170,
      render: (_, g) => <Progress percent={g.averagePercent} size="small" aria-label={t('workplan.supervision.averageOf', { name: g.name })} />,
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Card size="small" title={chartTitle}>
        <EChart option={option} height={groupBarsHeight(groups.length)} label={chartTitle} />
      </Card>
      <Table<NamedGroup>
        rowKey={(g) => String(g.id ?? 'none')}
        size="small"
        columns={columns}
        dataSource={groups}
        pagination={false}
        scroll={{ x: 810 }}
      />
    </Flex>
  );
}
