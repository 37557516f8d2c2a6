import type { PlanAssignmentRow, PlanTargetRow, PlanTaskRow } from '../../../platform/db/schema.ts';
import { rule } from '../../../platform/rules/rules.ts';
import type { MetricCache } from '../metrics/metric-registry.ts';
import type { ComparatorCode, ProgressSource, TaskState } from '../workplan-enums.ts';
import { elapsedFraction, percentOf, targetFraction, targetMet, taskState, unitProgress } from './progress-math.ts';
import { orgTargetKey, orgTaskKey, quotaKey, type ProgressFacts } from './progress-facts.ts';

/** One target as achieved by one unit (the plan's committee or an assigned organization). */
export type TargetProgress = {
  targetId: number;
  /** The unit's goal: the target itself, an assigned quota, or null when the target has no share for it. */
  goal: number | null;
  current: number | null;
  /** metric (computed live), reported (by the unit), rollup (summed over the units it assigned), or null. */
  currentFrom: 'metric' | 'reported' | 'rollup' | null;
  percent: number;
  met: boolean;
};

/** Progress of one unit on one task. */
export type UnitProgress = {
  /** null for the plan's committee; else the assignment. */
  assignmentId: number | null;
  parentAssignmentId: number | null;
  orgId: number;
  orgName: string;
  percent: number;
  fraction: number;
  source: ProgressSource;
  state: TaskState;
  expectedPercent: number;
  /** No report for longer than the rules allow while the task is open. */
  stale: boolean;
  lastReportAt: string | null;
  targets: TargetProgress[];
};

/** A task's progress as the post sees it (its headline unit) and every unit in view. */
export type TaskProgress = Omit<UnitProgress, 'assignmentId' | 'parentAssignmentId' | 'orgId' | 'orgName'> & { units: UnitProgress[] };

type Unit = { assignment: PlanAssignmentRow | null; orgId: number };

/**
 * Computes progress bottom-up: a unit's figure for a target is the metric when the target is bound
 * to one, else what it reported last, else the sum of what the units it assigned reported (counts
 * only; percentages do not add up). The plan's committee aggregates its top-level assignments.
 */
export class ProgressCalculator {
  constructor(private readonly facts: ProgressFacts, private readonly metrics: MetricCache) {}

  private childrenOf(task: PlanTaskRow, unit: Unit): PlanAssignmentRow[] {
    const all = this.facts.assignmentsByTask.get(task.id) ?? [];
    return all.filter((a) => (unit.assignment ? a.parent_id === unit.assignment.id : a.parent_id === null));
  }

  private reportedFigure(task: PlanTaskRow, unit: Unit, target: PlanTargetRow): { value: number | null; from: 'reported' | 'rollup' | null } {
    const own = this.facts.latestFigure.get(orgTargetKey(unit.orgId, target.id));
    if (own !== undefined) return { value: own, from: 'reported' };
    if (target.unit === '%') return { value: null, from: null };
    let sum: number | null = null;
    for (const child of this.childrenOf(task, unit)) {
      const v = this.reportedFigure(task, { assignment: child, orgId: child.org_id }, target).value;
      if (v !== null) sum = (sum ?? 0) + v;
    }
    return { value: sum, from: sum === null ? null : 'rollup' };
  }

  private reportedPercent(task: PlanTaskRow, unit: Unit): number | null {
    const own = this.facts.latestPercent.get(orgTaskKey(unit.orgId, task.id));
    if (own !== undefined) return own;
    const values = this.childrenOf(task, unit).map((c) => this.reportedPercent(task, { assignment: c, orgId: c.org_id })).filter((v): v is number => v !== null);
    return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
  }

  private lastReport(task: PlanTaskRow, unit: Unit): string | null {
    let last = this.facts.lastReportAt.get(orgTaskKey(unit.orgId, task.id)) ?? null;
    for (const child of this.childrenOf(task, unit)) {
      const c = this.lastReport(task, { assignment: child, orgId: child.org_id });
      if (c !== null && (last === null || c > last)) last = c;
    }
    return last;
  }

  private goalOf(unit: Unit, target: PlanTargetRow): number | null {
    if (!unit.assignment) return Number(target.value);
    const quota = this.facts.quotas.get(quotaKey(unit.assignment.id, target.id));
    if (quota !== undefined) return quota;
    // A rate or a ceiling holds for every organization; a count is only shared out by quotas.
    return target.unit === '%' || target.comparator === '<=' ? Number(target.value) : null;
  }

  async unit(task: PlanTaskRow, unit: Unit): Promise<UnitProgress> {
    const { plan, today } = this.facts;
    const confirmed = (this.facts.targetsByTask.get(task.id) ?? []).filter((t) => t.status === 'confirmed');
    const targets: TargetProgress[] = [];
    for (const target of confirmed) {
      const goal = this.goalOf(unit, target);
      let current: number | null;
      let currentFrom: TargetProgress['currentFrom'];
      if (target.metric_key) {
        const org = unit.assignment ? { id: unit.assignment.org_id, path: unit.assignment.org_path } : { id: plan.org_id, path: plan.org_path };
        current = await this.metrics.value(target.metric_key, { orgId: org.id, orgPath: org.path, orgName: this.facts.orgNames.get(org.id) ?? '', year: plan.year });
        currentFrom = current === null ? null : 'metric';
      } else {
        const r = this.reportedFigure(task, unit, target);
        current = r.value;
        currentFrom = r.from;
      }
      const comparator = target.comparator as ComparatorCode;
      const fraction = goal === null ? 0 : targetFraction(current, goal, comparator);
      targets.push({ targetId: target.id, goal, current, currentFrom, percent: percentOf(fraction), met: goal !== null && targetMet(current, goal, comparator) });
    }
    const weighted = confirmed.flatMap((t, i) => (targets[i]!.goal === null ? [] : [{ fraction: targets[i]!.percent / 100, weight: Number(t.weight) }]));
    const { fraction, source } = unitProgress({
      targets: weighted,
      milestones: unit.assignment ? undefined : this.facts.milestones.get(task.id),
      reportedPercent: this.reportedPercent(task, unit),
    });
    const tolerance = rule('workplan.lagTolerancePercent');
    const state = taskState({ fraction, year: plan.year, dueOn: task.due_on, today, tolerancePoints: tolerance });
    const lastReportAt = this.lastReport(task, unit);
    return {
      assignmentId: unit.assignment?.id ?? null, parentAssignmentId: unit.assignment?.parent_id ?? null,
      orgId: unit.orgId, orgName: this.facts.orgNames.get(unit.orgId) ?? '',
      percent: percentOf(fraction), fraction, source, state,
      expectedPercent: percentOf(elapsedFraction(plan.year, task.due_on, today)),
      stale: state !== 'done' && isStale(lastReportAt ?? plan.created_at, today, plan.year),
      lastReportAt, targets,
    };
  }

  /** The task for the post: the committee's figure for an owner; for an assignee, its own top assignments. */
  async task(task: PlanTaskRow): Promise<TaskProgress> {
    const assignments = this.facts.assignmentsByTask.get(task.id) ?? [];
    const units = await Promise.all(assignments.map((a) => this.unit(task, { assignment: a, orgId: a.org_id })));
    if (this.facts.owner) {
      const own = await this.unit(task, { assignment: null, orgId: this.facts.plan.org_id });
      return { ...strip(own), units };
    }
    const visibleIds = new Set(assignments.map((a) => a.id));
    const tops = units.filter((u) => u.parentAssignmentId === null || !visibleIds.has(u.parentAssignmentId));
    if (tops.length === 1) return { ...strip(tops[0]!), units };
    const fraction = tops.reduce((s, u) => s + u.fraction, 0) / tops.length;
    const worst = tops.find((u) => u.state === 'overdue') ?? tops.find((u) => u.state === 'lagging') ?? tops[0]!;
    return {
      ...strip(worst), percent: percentOf(fraction), fraction, targets: [],
      stale: tops.some((u) => u.stale), units,
    };
  }
}

function strip(u: UnitProgress): Omit<UnitProgress, 'assignmentId' | 'parentAssignmentId' | 'orgId' | 'orgName'> {
  const { assignmentId: _a, parentAssignmentId: _p, orgId: _o, orgName: _n, ...rest } = u;
  return rest;
}

/** Stale once the last report (or the plan's creation) is older than the rules allow, within the plan's year. */
function isStale(lastAt: string, today: string, year: number): boolean {
  if (today.slice(0, 4) !== String(year)) return false;
  const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(lastAt)) / 86_400_000;
  return days > rule('workplan.reportStaleDays');
}
