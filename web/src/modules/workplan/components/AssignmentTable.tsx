import { useState } from 'react';
import { App, Badge, Button, Card, Flex, Popconfirm, Progress, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { BellOutlined, PartitionOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { removeAssignment } from '../api/task-api';
import type { Assignment, TaskDetail } from '../types/workplan';
import { withUnit } from '../utils/format-target';
import { STATE_COLOR } from '../utils/state-look';
import type { Assigner } from '../utils/task-rights';
import { AssignModal } from './AssignModal';
import { RemindModal } from './RemindModal';
import { TaskStateTag } from './TaskStateTag';

type Row = Assignment & { children?: Row[] };

/** The assignments as a tree: each organization under the one that assigned to it. */
function treeOf(assignments: Assignment[]): Row[] {
  const rows = new Map<number, Row>(assignments.map((a) => [a.id, { ...a }]));
  const roots: Row[] = [];
  for (const row of rows.values()) {
    const parent = row.parentId === null ? undefined : rows.get(row.parentId);
    if (parent) parent.children = [...(parent.children ?? []), row];
    else roots.push(row);
  }
  return roots;
}

/**
 * 分解落实: who the task went to, with their quotas, progress, state, last report and unanswered
 * reminders; 分解下达, 督办提醒 and 撤销 where the post may.
 */
export function AssignmentTable({ detail, assigners, onChanged }: { detail: TaskDetail; assigners: Assigner[]; onChanged: () => void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const [assigning, setAssigning] = useState(false);
  const [reminding, setReminding] = useState<Assignment | null>(null);
  const targetOf = new Map(detail.targets.map((target) => [target.id, target]));
  const anyAction = detail.assignments.some((a) => a.mayRemind || a.mayRemove);

  const remove = async (a: Assignment) => {
    try {
      await removeAssignment(a.id);
      message.success(t('workplan.assign.removed', { org: a.orgName }));
      onChanged();
    } catch (err) {
      // The server explains why (already reported, split further): say it plainly.
      modal.error({ title: t('workplan.assign.removeRefused', { org: a.orgName }), content: errorMessage(err) });
    }
  };

  const columns: TableProps<Row>['columns'] = [
    {
      key: 'org',
      title: t('workplan.assign.org'),
      width: 220,
      render: (_, a) => (
        <Flex vertical gap={2} align="start">
          <span>{a.orgName}</span>
          {a.note && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.note}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'quotas',
      title: t('workplan.assign.quotas'),
      width: 200,
      render: (_, a) =>
        a.quotas.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Flex vertical gap={0}>
            {a.quotas.map((q) => {
              const target = targetOf.get(q.targetId);
              return (
                <Typography.Text key={q.targetId} style={{ fontSize: 12 }}>
                  {target ? t('workplan.labelValue', { label: target.label, value: withUnit(q.quota, target.unit) }) : q.quota}
                </Typography.Text>
              );
            })}
          </Flex>
        ),
    },
    {
      key: 'progress',
      title: t('workplan.col.progress'),
      width: 150,
      render: (_, a) => (
        <Progress
          percent={a.progress.percent}
          size="small"
          strokeColor={a.progress.percent >= 100 ? undefined : STATE_COLOR[a.progress.state]}
          aria-label={t('workplan.assign.progressOf', { org: a.orgName })}
        />
      ),
    },
    { key: 'state', title: t('workplan.col.state'), width: 150, render: (_, a) => <TaskStateTag state={a.progress.state} stale={a.progress.stale} /> },
    {
      key: 'last',
      title: t('workplan.col.lastReport'),
      width: 110,
      render: (_, a) => a.progress.lastReportAt?.slice(0, 10) ?? <Typography.Text type="secondary">{t('workplan.assign.noReport')}</Typography.Text>,
    },
    {
      key: 'reminders',
      title: t('workplan.col.reminders'),
      width: 90,
      render: (_, a) =>
        a.openReminders > 0 ? (
          <Badge count={a.openReminders} title={t('workplan.assign.openReminders', { count: a.openReminders })} />
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
    ...(anyAction
      ? [
          {
            key: 'actions',
            title: t('workplan.col.actions'),
            width: 170,
            render: (_: unknown, a: Row) => (
              <Flex wrap gap={4}>
                {a.mayRemind && (
                  <Button size="small" icon={<BellOutlined />} onClick={() => setReminding(a)}>
                    {t('workplan.remind.open')}
                  </Button>
                )}
                {a.mayRemove && (
                  <Popconfirm
                    title={t('workplan.assign.removeConfirm', { org: a.orgName })}
                    description={t('workplan.assign.removeHint')}
                    okText={t('workplan.assign.remove')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => remove(a)}
                  >
                    <Button size="small" danger>
                      {t('workplan.assign.remove')}
                    </Button>
                  </Popconfirm>
                )}
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={t('workplan.assign.cardTitle')}
      extra={
        assigners.length > 0 && (
          <Button size="small" type="primary" ghost icon={<PartitionOutlined />} onClick={() => setAssigning(true)}>
            {t('workplan.assign.open')}
          </Button>
        )
      }
    >
      <Table<Row>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={treeOf(detail.assignments)}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        scroll={{ x: anyAction ? 1090 : 920 }}
        locale={{ emptyText: t(assigners.length > 0 ? 'workplan.assign.emptyManage' : 'workplan.assign.empty') }}
      />
      {assigning && (
        <AssignModal
          detail={detail}
          assigners={assigners}
          onClose={() => setAssigning(false)}
          onAssigned={() => {
            setAssigning(false);
            onChanged();
          }}
        />
      )}
      {reminding && (
        <RemindModal
          taskId={detail.task.id}
          taskTitle={detail.task.title}
          org={{ id: reminding.orgId, name: reminding.orgName }}
          onClose={() => setReminding(null)}
          onSent={() => {
            setReminding(null);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
