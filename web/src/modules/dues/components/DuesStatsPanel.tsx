import { Alert, Button, Flex, Skeleton, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import type { DuesListKind, DuesStats } from '../types/dues';
import { DuesRateChart } from './DuesRateChart';
import { DuesStatSummary } from './DuesStatSummary';
import { DuesStatTable } from './DuesStatTable';

type Props = {
  stats: { data: DuesStats | null; loading: boolean; error: unknown; reload: () => void };
  onDrill: (orgId: number) => void;
  onOpenList: (kind: DuesListKind) => void;
};

// One bar says nothing a summary card does not; the chart starts to help from two children on.
const MIN_CHART_ROWS = 2;

/** 收缴统计: the summary cards, the paid-up rate of each direct child, and the table per child. */
export function DuesStatsPanel({ stats, onDrill, onOpenList }: Props) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const data = stats.data;
  const rated = data?.children.filter((row) => row.paidUpRate !== null) ?? [];

  return (
    <Flex vertical gap={12}>
      {stats.error !== null && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(stats.error)}
          action={
            <Button size="small" onClick={stats.reload}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {!data && stats.error === null && <Skeleton active />}
      {data && (
        <>
          <Typography.Text type="secondary">{t('dues.stats.intro', { name: data.org.name, month: data.month })}</Typography.Text>
          <DuesStatSummary stats={data} onOpenList={onOpenList} />
          {rated.length >= MIN_CHART_ROWS && <DuesRateChart rows={data.children} />}
          <Typography.Title level={5} className="tw-section-title">
            {data.children.length > 0 ? t('stats.tableTitle') : t('stats.tableTitleLeaf')}
          </Typography.Title>
          <DuesStatTable stats={data} loading={stats.loading} onDrill={onDrill} />
        </>
      )}
    </Flex>
  );
}
