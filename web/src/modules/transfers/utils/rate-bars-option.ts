import type { ChartOption } from '../../common/utils/echarts';

const TEXT = '#595959';
const GOOD = '#52c41a';
const SHORT = '#fa8c16';
const POOR = '#ff4d4f';

export type RateBar = { name: string; rate: number };

/**
 * A rate (0–1) per organization as lying bars, 0–100%, each with its percentage. With a target the
 * bars that reach it are green, those short of it amber (red under two thirds of it), and a dashed
 * line marks it; without one, green from 90% down to red under 60%.
 */
export function rateBarsOption(rows: readonly RateBar[], targetPercent?: number, targetLabel?: string): ChartOption {
  const good = (targetPercent ?? 90) / 100;
  const poor = targetPercent === undefined ? 0.6 : good * (2 / 3);
  const color = (rate: number) => (rate >= good ? GOOD : rate >= poor ? SHORT : POOR);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value) => `${String(value)}%` },
    grid: { left: 8, right: 56, top: targetPercent === undefined ? 8 : 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { show: false }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => row.name),
      axisTick: { show: false },
      axisLabel: { color: TEXT, interval: 0, width: 180, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: rows.map((row) => ({
          value: (row.rate * 100).toFixed(1),
          itemStyle: { color: color(row.rate), borderRadius: [0, 3, 3, 0] },
        })),
        label: { show: true, position: 'right', color: TEXT, formatter: '{c}%' },
        ...(targetPercent === undefined
          ? {}
          : {
              markLine: {
                symbol: 'none',
                silent: true,
                // The target is a fixed mark, not data arriving: it stands at once.
                animation: false,
                lineStyle: { color: POOR, type: 'dashed', width: 1.5 },
                label: { position: 'start', formatter: targetLabel ?? `${targetPercent}%`, color: POOR },
                data: [{ xAxis: targetPercent }],
              },
            }),
      },
    ],
  };
}

/** Enough height for every bar to keep its label. */
export function rateBarsHeight(count: number, withTarget: boolean): number {
  return Math.max(120, count * 34 + (withTarget ? 44 : 24));
}
