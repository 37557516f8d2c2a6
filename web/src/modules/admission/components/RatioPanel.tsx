import { useMemo, useState } from 'react';
import { Alert, Button, Empty, Flex, Skeleton, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import { EChart } from '../../common/components/EChart';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { useAdmissionMeta } from '../hooks/useAdmissionMeta';
import type { RatioRow, StageRatio, YouthRatios } from '../types/admission';
import { ratioChartOption } from '../utils/ratio-chart-option';
import { RatioTable } from './RatioTable';
import { YouthCountModal } from './YouthCountModal';

type Props = {
  ratios: { data: YouthRatios | null; loading: boolean; error: unknown; reload: () => void };
  onDrill: (orgId: number) => void;
};

/**
 * 团青比: members of each school stage as a share of the young people recorded, for the selection
 * and its children, against each stage's cap; youth counts are entered here (admission.plan).
 */
export function RatioPanel({ ratios, onDrill }: Props) {
  const t = useT();
  const can = useCan();
  const errorMessage = useErrorMessage();
  const { stage } = useAdmissionMeta();
  const [editing, setEditing] = useState<{ row: RatioRow; stage: StageRatio } | null>(null);
  const data = ratios.data;
  const option = useMemo(
    () => (data ? ratioChartOption(data.org.stages, { stage, ratio: t('admission.ratio.series'), cap: t('admission.ratio.capSeries') }) : null),
    [data, stage, t],
  );
  const counted = data?.org.stages.some((s) => s.percent !== null) ?? false;

  return (
    <Flex vertical gap={12}>
      {ratios.error !== null && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(ratios.error)}
          action={
            <Button size="small" onClick={ratios.reload}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {!data && ratios.error === null && <Skeleton active />}
      {data && (
        <>
          <Typography.Text type="secondary">{t('admission.ratio.intro', { name: data.org.name, cap: data.provinceCapPercent })}</Typography.Text>
          {counted && option ? (
            <EChart option={option} height={260} label={t('admission.ratio.chartLabel', { name: data.org.name })} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('admission.ratio.noneCounted')} />
          )}
          <Typography.Title level={5} className="tw-section-title">
            {data.children.length > 0 ? t('stats.tableTitle') : t('stats.tableTitleLeaf')}
          </Typography.Title>
          <RatioTable
            ratios={data}
            loading={ratios.loading}
            onEditYouth={can('admission.plan') ? (row, s) => setEditing({ row, stage: s }) : undefined}
            onDrill={onDrill}
          />
        </>
      )}
      {editing && (
        <YouthCountModal
          row={editing.row}
          stage={editing.stage}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            ratios.reload();
          }}
        />
      )}
    </Flex>
  );
}
