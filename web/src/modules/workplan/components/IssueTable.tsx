import { useState } from 'react';
import { Badge, Button, Flex, Progress, Segmented, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n';
import type { SupervisionItem } from '../types/workplan';
import { STATE_COLOR } from '../utils/state-look';
import { RemindModal } from './RemindModal';
import { TaskStateTag } from './TaskStateTag';

type Show = 'all' | 'overdue' | 'lagging' | 'stale';

const WIDTHS = { task: 260, org: 170, state: 130, progress: 170, due: 100, last: 100, reminders: 80, actions: 110 };

type Props = {
  items: SupervisionItem[];
  onReminded: () => void;
};

/**
 * 问题清单: overdue, lagging and silent tasks, for the committee and for each organization, worst
 * first; 督办提醒 where the server says the post may send one.
 */
export function IssueTable({ items, onReminded }: Props) {
  const t = useT();
  const [show, setShow] = useState<Show>('all');
  const [reminding, setReminding] = useState<SupervisionItem | null>(null);
  const count = (s: Show) => (s === 'all' ? items.length : items.filter((i) => (s === 'stale' ? i.stale : i.state === s)).length);
  const shown = show === 'all' ? items : items.filter((i) => (show === 'stale' ? i.stale : i.state === show));
  const anyAction = items.some((item) => item.mayRemind);

  const columns: TableProps<SupervisionItem>['columns'] = [
    {
      key: 'task',
      title: t('workplan.col.task'),
      width: WIDTHS.task,
      render: (_, item) => (
        <Flex vertical gap={2} align="start">
          <Link to={`/workplan/tasks/${item.taskId}`}>
            {item.sectionOrdinal}、{item.taskTitle}
          </Link>
          {item.leadDepartment && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('workplan.supervision.lead', { name: item.leadDepartment })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'org',
      title: t('workplan.assign.org'),
      width: WIDTHS.org,
      render: (_, item) => (item.assignmentId === null ? t('workplan.supervision.committee', { org: item.orgName }) : item.orgName),
    },
    { key: 'state', title: t('workplan.col.state'), width: WIDTHS.state, render: (_, item) => <TaskStateTag state={item.state} stale={item.stale} /> },
    {
      key: 'progress',
      title: t('workplan.supervision.progressVsExpected'),
      width: WIDTHS.progress,
      render: (_, item) => (
        <Flex vertical gap={0}>
          <Progress
            percent={item.percent}
            size="small"
            strokeColor={STATE_COLOR[item.state]}
            aria-label={t('workplan.supervision.progressOf', { task: item.taskTitle, org: item.orgName })}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('workplan.supervision.expected', { percent: item.expectedPercent })}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'due', title: t('workplan.col.due'), width: WIDTHS.due, render: (_, item) => item.dueOn ?? t('workplan.dueYearEnd') },
    {
      key: 'last',
      title: t('workplan.col.lastReport'),
      width: WIDTHS.last,
      render: (_, item) => item.lastReportAt?.slice(0, 10) ?? <Typography.Text type="danger">{t('workplan.assign.noReport')}</Typography.Text>,
    },
    {
      key: 'reminders',
      title: t('workplan.col.reminders'),
      width: WIDTHS.reminders,
      render: (_, item) => (item.openReminders > 0 ? <Badge count={item.openReminders} /> : <Typography.Text type="secondary">0</Typography.Text>),
    },
    ...(anyAction
      ? [
          {
            key: 'actions',
            title: t('workplan.col.actions'),
            width: WIDTHS.actions,
            render: (_: unknown, item: SupervisionItem) =>
              item.mayRemind && (
                <Button size="small" icon={<BellOutlined />} onClick={() => setReminding(item)}>
                  {t('workplan.remind.open')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={8}>
      <Segmented<Show>
        value={show}
        onChange={setShow}
        options={(['all', 'overdue', 'lagging', 'stale'] as const).map((s) => ({ value: s, label: `${t(`workplan.supervision.show.${s}`)} ${count(s)}` }))}
        style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
      />
      <Table<SupervisionItem>
        rowKey={(item) => `${item.taskId}:${item.orgId}`}
        size="small"
        columns={columns}
        dataSource={shown}
        pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: Object.values(WIDTHS).reduce((s, w) => s + w, 0) - (anyAction ? 0 : WIDTHS.actions) }}
        locale={{ emptyText: t(items.length === 0 ? 'workplan.supervision.noIssues' : 'workplan.supervision.noneShown') }}
      />
      {reminding && (
        <RemindModal
          taskId={reminding.taskId}
          taskTitle={reminding.taskTitle}
          org={{ id: reminding.orgId, name: reminding.orgName }}
          onClose={() => setReminding(null)}
          onSent={() => {
            setReminding(null);
            onReminded();
          }}
        />
      )}
    </Flex>
  );
}
