import type { Rule } from '../types/rule';

/**
 * Whether a rule matches what was typed: its key, its description in either language, or the
 * source of its current or default value, ignoring case. Empty text matches every rule.
 */
export function matchesRule(rule: Rule, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [rule.key, rule.description, rule.source, rule.defaultSource].some((field) =>
    field.toLowerCase().includes(needle),
  );
}
