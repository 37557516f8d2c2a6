import { useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Skeleton } from 'antd';
import { useParams, useSearchParams } from 'react-router-dom';
import { useT } from '../i18n';
import { useCan } from '../modules/auth/hooks/useSession';
import { useErrorMessage } from '../modules/common/hooks/useErrorMessage';
import { todayInChina } from '../modules/common/utils/today-in-china';
import { BoardFilters } from '../modules/workplan/components/BoardFilters';
import { BoardHeader } from '../modules/workplan/components/BoardHeader';
import { BoardTodoHint } from '../modules/workplan/components/BoardTodoHint';
import { OwnOrgWorkHint } from '../modules/workplan/components/OwnOrgWorkHint';
import { SectionCard } from '../modules/workplan/components/SectionCard';
import { SectionChart } from '../modules/workplan/components/SectionChart';
import { WorkplanCrumbs } from '../modules/workplan/components/WorkplanCrumbs';
import { usePlanBoard } from '../modules/workplan/hooks/usePlanBoard';
import { isPlanBox } from '../modules/workplan/types/plan-box';
import { filterBoard, isFiltering, type BoardFilter } from '../modules/workplan/utils/board-filter';
import { yearElapsedPercent } from '../modules/workplan/utils/year-elapsed';

/**
 * 工作要点看板: the plan's progress, each section's as a chart and as a card with its tasks, with
 * filters. A post that does not own the plan sees only the tasks assigned into its scope.
 */
export default function WorkplanBoardPage() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const can = useCan();
  const planId = Number(useParams().id);
  const [searchParams] = useSearchParams();
  const [box] = useState(() => {
    const linked = searchParams.get('box');
    return isPlanBox(linked) ? linked : null;
  });
  const board = usePlanBoard(planId);
  const data = board.data;
  const thisYear = Number(todayInChina().slice(0, 4));
  const [filter, setFilter] = useState<BoardFilter>(() => ({ unreported: box === 'reports_due' || undefined, reminded: box === 'reminders' || undefined }));
  const departments = useMemo(
    () => [...new Set((data?.sections ?? []).flatMap((s) => s.tasks.map((task) => task.leadDepartment)).filter((d): d is string => d !== null))],
    [data],
  );
  const shown = data ? filterBoard(data.sections, filter, data.owner) : [];
  const taskTotal = data?.sections.reduce((n, s) => n + s.tasks.length, 0) ?? 0;

  if (!data) {
    return (
      <Card size="small">
        {board.error !== null ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(board.error)}
            action={
              <Button size="small" onClick={board.reload}>
                {t('common.retry')}
              </Button>
            }
          />
        ) : (
          <Skeleton active />
        )}
      </Card>
    );
  }

  return (
    <Flex vertical gap={12}>
      <WorkplanCrumbs items={[{ title: data.plan.title }]} />
      <Card size="small">
        <BoardHeader board={data} onChanged={board.reload} />
      </Card>
      {!data.owner && <Alert type="info" showIcon title={t('workplan.board.assigneeHint', { count: taskTotal, org: data.plan.orgName })} />}
      {data.plan.status === 'archived' && <Alert type="warning" showIcon title={t('workplan.board.archivedHint')} />}
      <OwnOrgWorkHint work={data.ownOrg} onShow={(which) => setFilter((f) => ({ ...f, [which]: true }))} />
      {data.owner && data.plan.status === 'active' && can('workplan.manage') && <BoardTodoHint board={data} />}
      {data.sections.length > 1 && <SectionChart sections={data.sections} expected={yearElapsedPercent(data.plan.year)} />}
      <Card size="small">
        <BoardFilters
          filter={filter}
          onChange={setFilter}
          departments={departments}
          offerUnreported={data.plan.year === thisYear || box === 'reports_due'}
          offerReminded={data.ownOrg.openReminders > 0 || box === 'reminders'}
        />
      </Card>
      {shown.length === 0 && (
        <Card size="small">
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={taskTotal === 0 ? t('workplan.board.noTasks') : isFiltering(filter) ? t('workplan.board.noMatch') : t('workplan.board.noTasks')}
          />
        </Card>
      )}
      {shown.map((section) => {
        const whole = data.sections.find((s) => s.id === section.id)!;
        return <SectionCard key={section.id} section={whole} shownTasks={section.tasks} totalTasks={whole.tasks.length} owner={data.owner} />;
      })}
    </Flex>
  );
}
