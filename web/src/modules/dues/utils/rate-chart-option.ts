import type { ChartOption } from '../../common/utils/echarts';
import { PALETTE } from '../../member-stats/utils/chart-options';
import type { DuesStatRow } from '../types/dues';

const TEXT = '#595959';
const GOOD = 0.9;
const POOR = 0.6;

/**
 * 已交清率 per organization as lying bars (the names are long), 0–100%, each bar with its
 * percentage. Green from 90%, amber below, red under 60%, so the weak ones stand out; an
 * organization with nobody assessed has no rate and is left out.
 */
export function rateChartOption(rows: readonly DuesStatRow[]): ChartOption {
  const rated = rows.filter((row) => row.paidUpRate !== null);
  const percent = (row: DuesStatRow) => (row.paidUpRate! * 100).toFixed(1);
  const color = (rate: number) => (rate >= GOOD ? '#52c41a' : rate >= POOR ? PALETTE[2] : '#ff4d4f');
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value) => `${String(value)}%` },
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { show: false }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rated.map((row) => row.name),
      axisTick: { show: false },
      axisLabel: { color: TEXT, interval: 0, width: 180, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: rated.map((row) => ({ value: percent(row), itemStyle: { color: color(row.paidUpRate!), borderRadius: [0, 3, 3, 0] } })),
        label: { show: true, position: 'right', color: TEXT, formatter: '{c}%' },
      },
    ],
  };
}

/** Enough height for every bar to keep its label. */
export function rateChartHeight(rows: readonly DuesStatRow[]): number {
  return Math.max(120, rows.filter((row) => row.paidUpRate !== null).length * 34 + 24);
}
