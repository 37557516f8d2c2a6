import { useMemo } from 'react';
import { Card } from 'antd';
import { useT } from '../../../i18n';
import { EChart } from '../../common/components/EChart';
import type { DuesStatRow } from '../types/dues';
import { rateChartHeight, rateChartOption } from '../utils/rate-chart-option';

/** 已交清率 of each direct child side by side, to find where collection lags. */
export function DuesRateChart({ rows }: { rows: DuesStatRow[] }) {
  const t = useT();
  const option = useMemo(() => rateChartOption(rows), [rows]);
  const title = t('dues.stats.chartTitle');
  return (
    <Card size="small" title={title}>
      <EChart option={option} height={rateChartHeight(rows)} label={title} />
    </Card>
  );
}
