import type { ChartOption } from '../../common/utils/echarts';
import type { NamedGroup } from '../types/workplan';
import { STATE_COLOR } from './state-look';

type Labels = { done: string; onTrack: string; lagging: string; overdue: string };

/** Tasks of each department or organization stacked by state, most troubled first as the server sorts them. */
export function groupBarsOption(groups: readonly NamedGroup[], labels: Labels, labelWidth: number): ChartOption {
  const series = (name: string, color: string, value: (g: NamedGroup) => number) => ({
    type: 'bar' as const,
    name,
    stack: 'tasks',
    barMaxWidth: 20,
    itemStyle: { color },
    label: { show: true, color: '#fff', formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? String(p.value) : '') },
    data: groups.map(value),
  });
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, itemWidth: 12, itemHeight: 12 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#f0f0f0' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: groups.map((g) => g.name),
      axisTick: { show: false },
      axisLabel: { color: '#595959', interval: 0, width: labelWidth, overflow: 'truncate' },
    },
    series: [
      series(labels.overdue, STATE_COLOR.overdue, (g) => g.overdue),
      series(labels.lagging, STATE_COLOR.lagging, (g) => g.lagging),
      series(labels.onTrack, STATE_COLOR.on_track, (g) => Math.max(0, g.tasks - g.done - g.lagging - g.overdue)),
      series(labels.done, STATE_COLOR.done, (g) => g.done),
    ],
  };
}

export function groupBarsHeight(count: number): number {
  return Math.max(140, count * 32 + 56);
}
