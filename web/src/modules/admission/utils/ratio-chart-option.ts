import type { ChartOption } from '../../common/utils/echarts';
import { PALETTE } from '../../member-stats/utils/chart-options';
import type { StageRatio } from '../types/admission';

const TEXT = '#595959';
const CAP = '#d9d9d9';
const OVER = '#ff4d4f';

/**
 * 团青比 per school stage beside its cap: two bars a stage, the ratio in the app's blue (red once
 * over the cap) and the cap in grey, each labelled with its percentage. Stages with nobody counted
 * are left out (no ratio to draw).
 */
export function ratioChartOption(stages: readonly StageRatio[], labels: { stage: (code: string) => string; ratio: string; cap: string }): ChartOption {
  const shown = stages.filter((s) => s.percent !== null);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value) => `${String(value)}%` },
    legend: { top: 0, textStyle: { color: TEXT }, data: [labels.ratio, labels.cap] },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: shown.map((s) => labels.stage(s.stage)), axisTick: { show: false }, axisLabel: { color: TEXT } },
    yAxis: { type: 'value', min: 0, axisLabel: { color: TEXT, formatter: '{value}%' }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
    series: [
      {
        name: labels.ratio,
        type: 'bar',
        barMaxWidth: 36,
        itemStyle: { color: PALETTE[0] },
        data: shown.map((s) => ({
          value: Number(s.percent!.toFixed(1)),
          itemStyle: { color: s.percent! > s.capPercent ? OVER : PALETTE[0], borderRadius: [3, 3, 0, 0] },
        })),
        label: { show: true, position: 'top', color: TEXT, formatter: '{c}%' },
      },
      {
        name: labels.cap,
        type: 'bar',
        barMaxWidth: 36,
        itemStyle: { color: CAP, borderRadius: [3, 3, 0, 0] },
        data: shown.map((s) => s.capPercent),
        label: { show: true, position: 'top', color: TEXT, formatter: '{c}%' },
      },
    ],
  };
}
