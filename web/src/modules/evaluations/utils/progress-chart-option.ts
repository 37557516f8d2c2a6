import type { ChartOption } from '../../common/utils/echarts';
import type { CycleStatus, ProgressRow } from '../types/evaluation';

const TEXT = '#595959';
// The order a cycle moves through, each in the colour of its status tag.
const STATUSES: { status: CycleStatus; color: string }[] = [
  { status: 'approved', color: '#52c41a' },
  { status: 'submitted', color: '#faad14' },
  { status: 'open', color: '#1d5fbf' },
  { status: 'returned', color: '#ff4d4f' },
];

/** Branch cycles per organization as lying stacked bars, one colour a status, so the laggards stand out. */
export function progressChartOption(rows: readonly ProgressRow[], label: (status: CycleStatus) => string): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: { color: TEXT } },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: TEXT }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => row.name),
      axisTick: { show: false },
      axisLabel: { color: TEXT, interval: 0, width: 180, overflow: 'truncate' },
    },
    series: STATUSES.map(({ status, color }) => ({
      name: label(status),
      type: 'bar',
      stack: 'cycles',
      barMaxWidth: 22,
      itemStyle: { color },
      data: rows.map((row) => row.cycles[status] ?? 0),
    })),
  };
}

/** Enough height for every bar and the legend. */
export function progressChartHeight(rows: readonly ProgressRow[]): number {
  return Math.max(140, rows.length * 34 + 56);
}
