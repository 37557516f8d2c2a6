import { Card, Flex, Progress, Typography } from 'antd';
import { useT } from '../../../i18n';
import type { BoardSection } from '../types/workplan';
import { BoardTaskTable } from './BoardTaskTable';

type Props = { section: BoardSection; shownTasks: BoardSection['tasks']; totalTasks: number; owner: boolean };

/** One section: its heading with its progress (over every task in it), then its tasks. */
export function SectionCard({ section, shownTasks, totalTasks, owner }: Props) {
  const t = useT();
  const heading = `${section.ordinal}、${section.title}`;
  return (
    <Card size="small" className="tw-wp-section" data-section-id={section.id}>
      <Flex vertical gap={8}>
        <Flex wrap gap={12} align="center" justify="space-between">
          <Typography.Title level={5} style={{ margin: 0, flex: '1 1 320px', minWidth: 0 }}>
            {heading}
          </Typography.Title>
          <Flex align="center" gap={8} style={{ flex: '0 1 280px', minWidth: 200 }}>
            <Progress percent={section.percent} aria-label={t('workplan.board.sectionProgress', { title: heading })} style={{ flex: 1, margin: 0 }} />
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
              {shownTasks.length === totalTasks
                ? t('workplan.board.taskCount', { count: totalTasks })
                : t('workplan.board.taskCountShown', { shown: shownTasks.length, count: totalTasks })}
            </Typography.Text>
          </Flex>
        </Flex>
        <BoardTaskTable tasks={shownTasks} owner={owner} />
      </Flex>
    </Card>
  );
}
