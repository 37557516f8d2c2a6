import type { ComparatorCode, ProgressSource, TaskState } from '../workplan-enums.ts';

/**
 * How far an achieved figure is towards a target, 0–1. A "not more than" target is met while the
 * figure stays within it and falls off as it goes over; the others count up to the target.
 * No figure yet counts as nothing done.
 */
export function targetFraction(current: number | null, goal: number, comparator: ComparatorCode): number {
  if (current === null || !Number.isFinite(current)) return 0;
  if (comparator === '<=') {
    if (current <= goal) return 1;
    return current <= 0 ? 0 : clamp01(goal / current);
  }
  if (goal <= 0) return 1;
  return clamp01(current / goal);
}

/** Whether a figure meets a target exactly as the plan says it (for the ledger's 是否完成). */
export function targetMet(current: number | null, goal: number, comparator: ComparatorCode): boolean {
  if (current === null) return false;
  return comparator === '<=' ? current <= goal : current >= goal;
}

/** The weighted mean of fractions (weights ≤ 0 ignored); null when nothing carries weight. */
export function weightedMean(parts: { fraction: number; weight: number }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const p of parts) {
    if (!(p.weight > 0)) continue;
    sum += p.fraction * p.weight;
    weights += p.weight;
  }
  return weights === 0 ? null : sum / weights;
}

/**
 * A unit's progress: from its confirmed targets when it has any, else from the milestones, else
 * from the share done it reported itself. The order puts measured facts before self-assessment.
 */
export function unitProgress(input: {
  targets: { fraction: number; weight: number }[];
  milestones?: { done: number; total: number };
  reportedPercent: number | null;
}): { fraction: number; source: ProgressSource } {
  const fromTargets = weightedMean(input.targets);
  if (fromTargets !== null) return { fraction: fromTargets, source: 'targets' };
  if (input.milestones && input.milestones.total > 0) return { fraction: input.milestones.done / input.milestones.total, source: 'milestones' };
  if (input.reportedPercent !== null) return { fraction: clamp01(input.reportedPercent / 100), source: 'reported' };
  return { fraction: 0, source: 'none' };
}

/** The share of a task's time used by `today`, 0–1: from 1 January of the plan's year to its due date. */
export function elapsedFraction(year: number, dueOn: string | null, today: string): number {
  const start = Date.parse(`${year}-01-01T00:00:00Z`);
  const end = Date.parse(`${dueOn ?? `${year}-12-31`}T00:00:00Z`) + 86_400_000;
  const now = Date.parse(`${today}T00:00:00Z`) + 86_400_000;
  if (end <= start) return now >= end ? 1 : 0;
  return clamp01((now - start) / (end - start));
}

/**
 * 任务状态: done at 100 %; overdue once the due date has passed without it; lagging when the
 * progress trails the time used by more than the tolerance (in points); otherwise on track.
 */
export function taskState(input: { fraction: number; year: number; dueOn: string | null; today: string; tolerancePoints: number }): TaskState {
  if (input.fraction >= 1 - 1e-9) return 'done';
  const due = input.dueOn ?? `${input.year}-12-31`;
  if (input.today > due) return 'overdue';
  const expected = elapsedFraction(input.year, input.dueOn, input.today);
  return input.fraction * 100 < expected * 100 - input.tolerancePoints ? 'lagging' : 'on_track';
}

/** A fraction as a whole percentage for display (floor, so 99.6 % is not shown as done). */
export function percentOf(fraction: number): number {
  return Math.floor(clamp01(fraction) * 100 + 1e-9);
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
