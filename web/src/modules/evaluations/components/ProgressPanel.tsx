import { useMemo } from 'react';
import { Alert, Button, Flex, Skeleton, Typography } from 'antd';
import { useT } from '../../../i18n';
import { EChart } from '../../common/components/EChart';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { useEvaluationMeta } from '../hooks/useEvaluationMeta';
import type { EvaluationProgress } from '../types/evaluation';
import { progressChartHeight, progressChartOption } from '../utils/progress-chart-option';
import { ProgressTable } from './ProgressTable';

type Props = {
  progress: { data: EvaluationProgress | null; loading: boolean; error: unknown; reload: () => void };
  onDrill: (orgId: number) => void;
};

/** 进度: how far each child's branches have come with the year's cycle, as a chart and a table. */
export function ProgressPanel({ progress, onDrill }: Props) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { status } = useEvaluationMeta();
  const data = progress.data;
  // The children when there are any, else the organization alone.
  const rows = useMemo(() => (data ? (data.children.length > 0 ? data.children : [data.org]) : []), [data]);
  const option = useMemo(() => progressChartOption(rows, status), [rows, status]);

  return (
    <Flex vertical gap={12}>
      {progress.error !== null && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(progress.error)}
          action={
            <Button size="small" onClick={progress.reload}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {!data && progress.error === null && <Skeleton active />}
      {data && (
        <>
          <Typography.Text type="secondary">{t('evaluation.progress.intro', { name: data.org.name, year: data.year })}</Typography.Text>
          <EChart option={option} height={progressChartHeight(rows)} label={t('evaluation.progress.chartLabel', { name: data.org.name })} />
          <Typography.Title level={5} className="tw-section-title">
            {data.children.length > 0 ? t('stats.tableTitle') : t('stats.tableTitleLeaf')}
          </Typography.Title>
          <ProgressTable progress={data} loading={progress.loading} onDrill={onDrill} />
        </>
      )}
    </Flex>
  );
}
