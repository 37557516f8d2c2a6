import { useMemo } from 'react';
import { Card } from 'antd';
import { EChart } from '../../common/components/EChart';
import { rateBarsHeight, rateBarsOption, type RateBar } from '../utils/rate-bars-option';

type Props = {
  title: string;
  rows: RateBar[];
  targetPercent?: number;
  targetLabel?: string;
};

/** A rate per organization side by side, to find where it lags; with the target line where there is one. */
export function RateBarChart({ title, rows, targetPercent, targetLabel }: Props) {
  const option = useMemo(() => rateBarsOption(rows, targetPercent, targetLabel), [rows, targetPercent, targetLabel]);
  return (
    <Card size="small" title={title}>
      <EChart option={option} height={rateBarsHeight(rows.length, targetPercent !== undefined)} label={title} />
    </Card>
  );
}
