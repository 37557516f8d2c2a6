import type { ChartOption } from '../../common/utils/echarts';

export type Slice = { name: string; value: number; color?: string };

/** Calm blues and warm accents, with the app's primary first; no 团旗红, which means danger here. */
export const PALETTE = ['#1d5fbf', '#e8684a', '#f6bd16', '#5ad8a6', '#6dc8ec', '#9270ca', '#ff9d4d', '#269a99'];

const TEXT = '#595959';

/**
 * A ring with the share of each slice, e.g. 男 / 女. The numbers sit in the legend, not beside the
 * ring, where a phone-wide chart would cut them off. `legend` formats one entry from
 * {name, count, percent}.
 */
export function pieOption(slices: Slice[], legend: (slice: { name: string; count: number; percent: string }) => string): ChartOption {
  const total = slices.reduce((sum, slice) => sum + slice.value, 0);
  const percent = (value: number) => (total > 0 ? ((value / total) * 100).toFixed(1) : '0');
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: {
      bottom: 0,
      textStyle: { color: TEXT, fontSize: 13 },
      formatter: (name: string) => {
        const count = slices.find((slice) => slice.name === name)?.value ?? 0;
        return legend({ name, count, percent: percent(count) });
      },
    },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        center: ['50%', '44%'],
        percentPrecision: 1,
        label: { show: false },
        data: slices.map((slice) => ({
          name: slice.name,
          value: slice.value,
          itemStyle: slice.color ? { color: slice.color } : undefined,
        })),
      },
    ],
  };
}

/**
 * Counts per category. Horizontal bars suit long labels (领域, 民族), upright ones short ordered
 * bands (年龄段). Each bar carries its number, so the chart reads without hovering.
 */
export function barOption(categories: string[], values: number[], options: { horizontal?: boolean; color?: string } = {}): ChartOption {
  const { horizontal = false, color = PALETTE[0] } = options;
  const categoryAxis = {
    type: 'category' as const,
    data: categories,
    inverse: horizontal,
    axisTick: { show: false },
    axisLabel: { color: TEXT, interval: 0 },
  };
  // Lying bars leave the value axis little room; their own labels carry the numbers instead.
  const valueAxis = {
    type: 'value' as const,
    minInterval: 1,
    splitLine: { lineStyle: { color: '#f0f0f0' } },
    axisLabel: { show: !horizontal, color: '#8c8c8c' },
  };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: horizontal ? 48 : 8, top: horizontal ? 8 : 24, bottom: 8 },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: [
      {
        type: 'bar',
        data: values,
        barMaxWidth: 28,
        itemStyle: { color, borderRadius: horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0] },
        label: { show: true, position: horizontal ? 'right' : 'top', color: TEXT },
      },
    ],
  };
}
