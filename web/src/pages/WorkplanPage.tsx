import { useState } from 'react';
import { Alert, Button, Card, Flex, Skeleton, Tooltip, Typography } from 'antd';
import { ApartmentOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../i18n';
import { useCan, useCurrentPost } from '../modules/auth/hooks/useSession';
import { useErrorMessage } from '../modules/common/hooks/useErrorMessage';
import { todayInChina } from '../modules/common/utils/today-in-china';
import { BoxHint } from '../modules/workplan/components/BoxHint';
import { DepartmentDrawer } from '../modules/workplan/components/DepartmentDrawer';
import { ImportPlanModal } from '../modules/workplan/components/ImportPlanModal';
import { PlanGrid } from '../modules/workplan/components/PlanGrid';
import { PlanYearFilter } from '../modules/workplan/components/PlanYearFilter';
import { usePlanList } from '../modules/workplan/hooks/usePlanList';
import { isPlanBox, type PlanBox } from '../modules/workplan/types/plan-box';
import type { PlanSummary } from '../modules/workplan/types/workplan';

/** The plans a 工作台 box is about: those where the post's organization has reminders to answer, or reports due this month. */
const inBox = (plan: PlanSummary, box: PlanBox) => (box === 'reminders' ? plan.openReminders : plan.reportsDueThisMonth) > 0;

/**
 * 工作要点: the plans the post sees with their progress, the import wizard and the departments. A
 * link from the 工作台 (?box=reminders, ?box=reports_due) narrows the list to the plans where that
 * work waits for the post's organization and says how to do it.
 */
export default function WorkplanPage() {
  const t = useT();
  const can = useCan();
  const post = useCurrentPost();
  const errorMessage = useErrorMessage();
  const [searchParams, setSearchParams] = useSearchParams();
  const linked = searchParams.get('box');
  const box = isPlanBox(linked) ? linked : null;
  const thisYear = Number(todayInChina().slice(0, 4));
  const [year, setYear] = useState<number | undefined>(undefined);
  const [dialog, setDialog] = useState<'import' | 'departments' | null>(null);
  const list = usePlanList(year);
  const manage = can('workplan.manage');
  const plans = list.data ? (box ? list.data.filter((plan) => inBox(plan, box)) : list.data) : null;

  return (
    <Card size="small">
      <Flex vertical gap={12}>
        <Flex wrap gap={8} align="center" justify="space-between">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('workplan.title')}
          </Typography.Title>
          <Flex wrap gap={8} align="center">
            <PlanYearFilter value={year} onChange={setYear} thisYear={thisYear} />
            <Tooltip title={t('common.refresh')}>
              <Button icon={<ReloadOutlined />} aria-label={t('common.refresh')} loading={list.loading && list.data !== null} onClick={list.reload} />
            </Tooltip>
            {manage && (
              <Button icon={<ApartmentOutlined />} onClick={() => setDialog('departments')}>
                {t('workplan.dept.open')}
              </Button>
            )}
            {manage && (
              <Button type="primary" icon={<UploadOutlined />} onClick={() => setDialog('import')}>
                {t('workplan.import.open')}
              </Button>
            )}
          </Flex>
        </Flex>
        {box && <BoxHint box={box} plans={plans} onClear={() => setSearchParams({}, { replace: true })} />}
        {list.error !== null && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(list.error)}
            action={
              <Button size="small" onClick={list.reload}>
                {t('common.retry')}
              </Button>
            }
          />
        )}
        {!plans && list.error === null && <Skeleton active />}
        {plans && (
          <PlanGrid
            plans={plans}
            postOrgId={post?.orgId}
            box={box}
            noneAtAll={year === undefined && (list.data?.length ?? 0) === 0}
            onImport={manage ? () => setDialog('import') : null}
          />
        )}
      </Flex>
      {dialog === 'import' && <ImportPlanModal onClose={() => setDialog(null)} />}
      {dialog === 'departments' && <DepartmentDrawer onClose={() => setDialog(null)} />}
    </Card>
  );
}
