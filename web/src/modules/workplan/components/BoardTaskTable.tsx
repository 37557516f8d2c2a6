import { Flex, Grid, Progress, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n';
import type { BoardTask } from '../types/workplan';
import { STATE_COLOR } from '../utils/state-look';
import { TaskStateTag } from './TaskStateTag';

const WIDTHS = { position: 56, title: 300, lead: 110, targets: 110, due: 110, progress: 170, state: 150, score: 90 };

/**
 * A section's tasks: the task (a link to its page), who leads, targets, due date, progress, state,
 * score. On a phone each task is one stacked cell, so progress and state show without scrolling.
 */
export function BoardTaskTable({ tasks, owner }: { tasks: BoardTask[]; owner: boolean }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const compact = screens.md === false;
  const progressOf = (task: BoardTask) => (
    <Progress
      percent={task.progress.percent}
      size="small"
      strokeColor={task.progress.percent >= 100 ? undefined : STATE_COLOR[task.progress.state]}
      aria-label={t('workplan.board.taskProgress', { title: task.title })}
    />
  );
  const compactColumns: TableProps<BoardTask>['columns'] = [
    {
      key: 'task',
      title: t('workplan.col.task'),
      render: (_, task) => (
        <Flex vertical gap={4} align="stretch">
          <Link to={`/workplan/tasks/${task.id}`}>
            {task.position}. {task.title}
          </Link>
          {progressOf(task)}
          <Flex wrap gap={6} align="center">
            <TaskStateTag state={task.progress.state} stale={task.progress.stale} />
            {task.proposedTargets > 0 && (
              <Tag color="orange" bordered={false} style={{ marginInlineEnd: 0 }}>
                {t('workplan.board.toConfirm', { count: task.proposedTargets })}
              </Tag>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {task.leadDepartment ?? t('workplan.unset')} · {task.dueOn ?? t('workplan.dueYearEnd')}
              {task.evaluationScore !== null && ` · ${t('workplan.col.score')} ${task.evaluationScore}`}
            </Typography.Text>
          </Flex>
        </Flex>
      ),
    },
  ];
  const columns: TableProps<BoardTask>['columns'] = [
    { key: 'position', title: t('workplan.col.position'), width: WIDTHS.position, dataIndex: 'position' },
    {
      key: 'title',
      title: t('workplan.col.task'),
      width: WIDTHS.title,
      render: (_, task) => (
        <Flex vertical gap={2} align="start">
          <Link to={`/workplan/tasks/${task.id}`}>{task.title}</Link>
          {owner && task.assignments > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('workplan.board.assignedTo', { count: task.assignments })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'lead',
      title: t('workplan.col.lead'),
      width: WIDTHS.lead,
      render: (_, task) => task.leadDepartment ?? <Typography.Text type="secondary">{t('workplan.unset')}</Typography.Text>,
    },
    {
      key: 'targets',
      title: t('workplan.col.targets'),
      width: WIDTHS.targets,
      render: (_, task) => (
        <Flex wrap gap={4} align="center">
          <span>{task.targets}</span>
          {task.proposedTargets > 0 && (
            <Tag color="orange" bordered={false} style={{ marginInlineEnd: 0 }}>
              {t('workplan.board.toConfirm', { count: task.proposedTargets })}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      key: 'due',
      title: t('workplan.col.due'),
      width: WIDTHS.due,
      render: (_, task) => task.dueOn ?? <Typography.Text type="secondary">{t('workplan.dueYearEnd')}</Typography.Text>,
    },
    {
      key: 'progress',
      title: t('workplan.col.progress'),
      width: WIDTHS.progress,
      render: (_, task) => progressOf(task),
    },
    { key: 'state', title: t('workplan.col.state'), width: WIDTHS.state, render: (_, task) => <TaskStateTag state={task.progress.state} stale={task.progress.stale} /> },
    {
      key: 'score',
      title: t('workplan.col.score'),
      width: WIDTHS.score,
      render: (_, task) => task.evaluationScore ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
  ];
  return (
    <Table<BoardTask>
      rowKey="id"
      size="small"
      columns={compact ? compactColumns : columns}
      dataSource={tasks}
      pagination={false}
      scroll={compact ? undefined : { x: Object.values(WIDTHS).reduce((sum, w) => sum + w, 0) }}
    />
  );
}
