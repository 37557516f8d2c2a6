import { useState } from 'react';
import { Alert, Button, Drawer, Flex, Grid, Segmented, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { formatTime } from '../../common/utils/format-time';
import { useCycles } from '../hooks/useCycles';
import { useEvaluationMeta } from '../hooks/useEvaluationMeta';
import type { CycleStatus, EvaluationCycle } from '../types/evaluation';
import { CycleStatusTag } from './CycleStatusTag';
import { CycleView } from './CycleView';

type StatusFilter = CycleStatus | 'all';

type Props = {
  orgId: number | undefined;
  orgName: string | undefined;
  year: number;
};

const FILTERS: StatusFilter[] = ['submitted', 'open', 'returned', 'approved', 'all'];

/**
 * The year's cycles of the branches below an organization; a committee that approves starts on
 * those waiting for it. A row opens the cycle, with 批准 / 退回 when it is waiting.
 */
export function CycleList({ orgId, orgName, year }: Props) {
  const t = useT();
  const can = useCan();
  const errorMessage = useErrorMessage();
  const screens = Grid.useBreakpoint();
  const { status: statusLabel } = useEvaluationMeta();
  const [filter, setFilter] = useState<StatusFilter>(can('evaluation.approve') ? 'submitted' : 'all');
  const [openId, setOpenId] = useState<number | null>(null);
  const cycles = useCycles(year, orgId, filter === 'all' ? undefined : filter);

  const columns: TableProps<EvaluationCycle>['columns'] = [
    {
      key: 'branch',
      title: t('member.col.branch'),
      render: (_, c) => (
        <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => setOpenId(c.id)}>
          {c.orgName}
        </Button>
      ),
    },
    { key: 'status', title: t('evaluation.col.status'), width: 120, render: (_, c) => <CycleStatusTag status={c.status} /> },
    { key: 'meeting', title: t('evaluation.field.meetingOn'), width: 120, render: (_, c) => c.meetingOn ?? t('common.none') },
    {
      key: 'attendance',
      title: t('evaluation.field.attendees'),
      width: 110,
      align: 'end',
      render: (_, c) => (c.attendees === null ? t('common.none') : `${c.attendees} / ${c.branchMembers}`),
    },
    { key: 'submitted', title: t('evaluation.col.submittedAt'), width: 170, render: (_, c) => formatTime(c.submittedAt) },
    {
      key: 'actions',
      title: t('member.col.actions'),
      width: 96,
      render: (_, c) => (
        <Button type="link" size="small" onClick={() => setOpenId(c.id)}>
          {c.status === 'submitted' && can('evaluation.approve') ? t('evaluation.decision.review') : t('common.details')}
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} justify="space-between" align="center">
        <Typography.Text type="secondary">{t('evaluation.listIntro', { name: orgName ?? t('member.scopeAll'), year })}</Typography.Text>
        <Segmented<StatusFilter>
          value={filter}
          onChange={setFilter}
          options={FILTERS.map((s) => ({ value: s, label: s === 'all' ? t('common.all') : statusLabel(s) }))}
        />
      </Flex>
      {cycles.error !== null && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(cycles.error)}
          action={
            <Button size="small" onClick={cycles.reload}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      <Table<EvaluationCycle>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={cycles.data ?? []}
        loading={cycles.loading}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: t(filter === 'submitted' ? 'evaluation.empty.submitted' : 'evaluation.empty.cycles') }}
      />
      {openId !== null && (
        <Drawer open title={t('evaluation.drawerTitle')} onClose={() => setOpenId(null)} size={screens.md === false ? '100%' : 860} destroyOnHidden>
          <CycleView cycleId={openId} onChanged={cycles.reload} />
        </Drawer>
      )}
    </Flex>
  );
}
