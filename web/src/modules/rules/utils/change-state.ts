import type { Rule, RuleChange } from '../types/rule';

/** 生效中, 待生效 (its date has not come), or 已替代 (a later change or the default took over). */
export type ChangeState = 'current' | 'pending' | 'superseded';

/**
 * Where one recorded change stands today. The server says which value is in effect and from when;
 * of several changes with that date the latest recorded (first in the newest-first history) holds.
 */
export function changeState(rule: Rule, change: RuleChange, today: string): ChangeState {
  if (change.effectiveFrom > today) return 'pending';
  const inEffect = rule.overridden
    ? rule.history.find((entry) => entry.effectiveFrom === rule.effectiveFrom && entry.value === rule.value)
    : undefined;
  return change === inEffect ? 'current' : 'superseded';
}

/** The next change still waiting for its date, if any: the one whose date comes first. */
export function nextPendingChange(rule: Rule, today: string): RuleChange | undefined {
  return rule.history
    .filter((change) => change.effectiveFrom > today)
    .reduce<RuleChange | undefined>((next, change) => (!next || change.effectiveFrom < next.effectiveFrom ? change : next), undefined);
}
