import type { Comparator } from '../types/workplan';

const SYMBOL: Record<Comparator, string> = { '>=': '≥', '<=': '≤', '=': '=' };

/** A figure without trailing zeros and with thousands grouped: 50000 → 50,000; 12.5 stays. */
export function formatFigure(value: number): string {
  return value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

/** A figure with its unit: "90%", "300 场次". */
export function withUnit(value: number, unit: string): string {
  return unit === '%' ? `${formatFigure(value)}%` : `${formatFigure(value)} ${unit}`;
}

/** A target as a short formula: "≥ 90%", "≤ 5 个", "= 8 期". */
export function formatTarget(target: { comparator: Comparator; value: number; unit: string }): string {
  return `${SYMBOL[target.comparator] ?? target.comparator} ${withUnit(target.value, target.unit)}`;
}
