import type { ReactNode } from 'react';
import { Descriptions, Flex, Grid, Progress, Tag, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useWorkplanMeta } from '../hooks/useWorkplanMeta';
import type { TaskDetail } from '../types/workplan';
import { STATE_COLOR } from '../utils/state-look';
import { TaskStateTag } from './TaskStateTag';

/**
 * The task: its section, title, tags and state; progress against where it should stand by now and
 * where the figure comes from; who leads and by when; the full text as the plan wrote it.
 */
export function TaskSummary({ detail, actions }: { detail: TaskDetail; actions?: ReactNode }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const { source } = useWorkplanMeta();
  const { task, progress } = detail;
  const lead = task.leadDepartment?.name;
  const cooperating = task.cooperatingDepartments.map((d) => d.name).join('、');
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={12} align="start" justify="space-between">
        <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 360px' }}>
          <Typography.Text type="secondary">
            {task.section.ordinal}、{task.section.title}
          </Typography.Text>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {task.title}
          </Typography.Title>
          <Flex wrap gap={6} align="center">
            <TaskStateTag state={progress.state} stale={progress.stale} />
            {task.tags.map((tag) => (
              <Tag key={tag} bordered={false} color="geekblue" style={{ marginInlineEnd: 0 }}>
                #{tag}
              </Tag>
            ))}
          </Flex>
        </Flex>
        {actions}
      </Flex>
      <Flex vertical gap={2} style={{ maxWidth: 560 }}>
        <Typography.Text type="secondary">{t(detail.owner ? 'workplan.task.progress' : 'workplan.task.progressOwn')}</Typography.Text>
        <Progress
          percent={progress.percent}
          size={{ height: 12 }}
          strokeColor={progress.percent >= 100 ? undefined : STATE_COLOR[progress.state]}
          aria-label={t('workplan.task.progress')}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('workplan.task.expected', { percent: progress.expectedPercent })} · {t('workplan.task.source', { source: source(progress.source) })}
          {progress.lastReportAt && ` · ${t('workplan.task.lastReport', { date: progress.lastReportAt.slice(0, 10) })}`}
        </Typography.Text>
      </Flex>
      <Descriptions
        size="small"
        column={screens.md === false ? 1 : 4}
        items={[
          { key: 'lead', label: t('workplan.col.lead'), children: lead ?? t('workplan.unset') },
          { key: 'coop', label: t('workplan.task.cooperating'), children: cooperating || t('workplan.unset') },
          { key: 'due', label: t('workplan.col.due'), children: task.dueOn ?? t('workplan.dueYearEnd') },
          { key: 'weight', label: t('workplan.task.weight'), children: task.weight },
        ]}
      />
      {task.body && (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} className="tw-wp-body">
          {task.body}
        </Typography.Paragraph>
      )}
    </Flex>
  );
}
