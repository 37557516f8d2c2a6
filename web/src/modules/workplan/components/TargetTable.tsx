import { useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Progress, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { deleteTarget, updateTarget } from '../api/task-api';
import { useWorkplanMeta } from '../hooks/useWorkplanMeta';
import type { Target, TaskDetail } from '../types/workplan';
import { formatTarget, withUnit } from '../utils/format-target';
import { TargetFormModal } from './TargetFormModal';

type Props = {
  detail: TaskDetail;
  editable: boolean;
  onChanged: () => void;
};

/**
 * 量化指标: each target with the figure achieved (computed from the system's data, reported, or the
 * sum of what the organizations below reported), its progress and whether it is met. Targets found
 * in the text wait for the committee's 确认 before they count.
 */
export function TargetTable({ detail, editable, onChanged }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const { metric } = useWorkplanMeta();
  const [editing, setEditing] = useState<Target | 'new' | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const progressOf = new Map(detail.progress.targets.map((p) => [p.targetId, p]));

  const act = async (target: Target, work: () => Promise<unknown>, done: string) => {
    setBusy(target.id);
    try {
      await work();
      message.success(done);
      onChanged();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const columns: TableProps<Target>['columns'] = [
    {
      key: 'label',
      title: t('workplan.target.label'),
      width: 260,
      render: (_, target) => (
        <Flex vertical gap={2} align="start">
          {target.sourceText && target.sourceText !== target.label ? (
            <Tooltip title={t('workplan.target.source', { text: target.sourceText })}>
              <span>{target.label}</span>
            </Tooltip>
          ) : (
            <span>{target.label}</span>
          )}
          {target.status === 'proposed' && (
            <Tag color="orange" bordered={false}>
              {t('workplan.target.proposed')}
            </Tag>
          )}
        </Flex>
      ),
    },
    { key: 'goal', title: t('workplan.target.goal'), width: 120, render: (_, target) => formatTarget(target) },
    {
      key: 'current',
      title: t('workplan.target.current'),
      width: 200,
      render: (_, target) => {
        const p = progressOf.get(target.id);
        return (
          <Flex vertical gap={2} align="start">
            <span>{p?.current != null ? withUnit(p.current, target.unit) : <Typography.Text type="secondary">{t('workplan.target.noFigure')}</Typography.Text>}</span>
            {target.metricKey && (
              <Tag color="cyan" bordered={false}>
                {t('workplan.target.computed', { metric: metric(target.metricKey) || target.metricName || target.metricKey })}
              </Tag>
            )}
            {p?.currentFrom === 'rollup' && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('workplan.target.rollup')}
              </Typography.Text>
            )}
            {p && p.goal !== null && p.goal !== target.value && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('workplan.target.ownQuota', { goal: withUnit(p.goal, target.unit) })}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    {
      key: 'progress',
      title: t('workplan.col.progress'),
      width: 160,
      render: (_, target) => {
        const p = progressOf.get(target.id);
        return p && p.goal !== null ? <Progress percent={p.percent} size="small" aria-label={t('workplan.target.progressOf', { label: target.label })} /> : null;
      },
    },
    {
      key: 'status',
      title: t('workplan.col.state'),
      width: 120,
      render: (_, target) => {
        if (target.status === 'proposed') return <Tag color="orange">{t('workplan.target.proposed')}</Tag>;
        const p = progressOf.get(target.id);
        if (!p || p.goal === null) return <Tag>{t('workplan.target.notShared')}</Tag>;
        return p.met ? <Tag color="success">{t('workplan.target.met')}</Tag> : <Tag>{t('workplan.target.notMet')}</Tag>;
      },
    },
    ...(editable
      ? [
          {
            key: 'actions',
            title: t('workplan.col.actions'),
            width: 180,
            render: (_: unknown, target: Target) => (
              <Flex wrap gap={4}>
                {target.status === 'proposed' && (
                  <Button
                    size="small"
                    type="primary"
                    ghost
                    loading={busy === target.id}
                    onClick={() => void act(target, () => updateTarget(target.id, { confirmed: true }), t('workplan.target.confirmed', { label: target.label }))}
                  >
                    {t('workplan.target.confirm')}
                  </Button>
                )}
                <Button size="small" onClick={() => setEditing(target)}>
                  {t('workplan.edit')}
                </Button>
                <Popconfirm
                  title={t('workplan.target.deleteConfirm', { label: target.label })}
                  description={t('workplan.target.deleteHint')}
                  okText={t('workplan.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => act(target, () => deleteTarget(target.id), t('workplan.target.deleted', { label: target.label }))}
                >
                  <Button size="small" danger>
                    {t('workplan.delete')}
                  </Button>
                </Popconfirm>
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={t('workplan.target.title')}
      extra={
        editable && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('workplan.target.add')}
          </Button>
        )
      }
    >
      <Table<Target>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={detail.targets}
        pagination={false}
        scroll={{ x: editable ? 1040 : 860 }}
        locale={{ emptyText: t(editable ? 'workplan.target.emptyEdit' : 'workplan.target.empty') }}
      />
      {editing && (
        <TargetFormModal
          taskId={detail.task.id}
          target={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
