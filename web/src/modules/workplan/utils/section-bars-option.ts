import type { ChartOption } from '../../common/utils/echarts';

const TEXT = '#595959';
const BAR = '#1d5fbf';
const LINE = '#d46b08';

export type SectionBar = { name: string; fullName: string; percent: number };

/**
 * Each section's progress as a lying bar, 0–100%, with the share of the year gone by as a dashed
 * line; a bar short of the line by more than the tolerance turns amber.
 */
export function sectionBarsOption(rows: readonly SectionBar[], expected: number, expectedLabel: string, tolerance: number, labelWidth: number): ChartOption {
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const p = params as { dataIndex: number; value: unknown };
        const row = rows[p.dataIndex];
        return row ? `${row.fullName}<br/>${String(p.value)}%` : '';
      },
    },
    grid: { left: 8, right: 48, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { show: false }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => row.name),
      axisTick: { show: false },
      axisLabel: { color: TEXT, interval: 0, width: labelWidth, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 20,
        data: rows.map((row) => ({
          value: row.percent,
          itemStyle: { color: row.percent < expected - tolerance ? LINE : BAR, borderRadius: [0, 3, 3, 0] },
        })),
        label: { show: true, position: 'right', color: TEXT, formatter: '{c}%' },
        markLine: {
          symbol: 'none',
          silent: true,
          animation: false,
          lineStyle: { color: LINE, type: 'dashed', width: 1.5 },
          label: { position: 'start', formatter: expectedLabel, color: LINE },
          data: [{ xAxis: expected }],
        },
      },
    ],
  };
}

/** Enough height for every bar to keep its label. */
export function sectionBarsHeight(count: number): number {
  return Math.max(120, count * 36 + 44);
}
