import type { MessageKey } from '../../../i18n';
import type { Rule } from '../types/rule';

export type RuleGroup = { prefix: string; rules: Rule[] };

/** Names of the key prefixes; a prefix not named here is shown as it is. */
export const RULE_GROUP_LABELS: Record<string, MessageKey> = {
  org: 'rules.group.org',
  membership: 'rules.group.membership',
  auth: 'rules.group.auth',
  import: 'rules.group.import',
  dues: 'rules.group.dues',
  transfer: 'rules.group.transfer',
  audit: 'rules.group.audit',
  privacy: 'rules.group.privacy',
  subject: 'rules.group.subject',
  export: 'rules.group.export',
  member: 'rules.group.member',
  admission: 'rules.group.admission',
  evaluation: 'rules.group.evaluation',
  workplan: 'rules.group.workplan',
  minors: 'rules.group.minors',
  incident: 'rules.group.incident',
};

/** membership.maxAge → membership. */
export function ruleGroupOf(key: string): string {
  const dot = key.indexOf('.');
  return dot === -1 ? key : key.slice(0, dot);
}

/** Rules grouped by the prefix of their key, groups and rules in the order the server lists them. */
export function groupRules(rules: readonly Rule[]): RuleGroup[] {
  const groups = new Map<string, Rule[]>();
  for (const rule of rules) {
    const prefix = ruleGroupOf(rule.key);
    groups.set(prefix, [...(groups.get(prefix) ?? []), rule]);
  }
  return [...groups].map(([prefix, members]) => ({ prefix, rules: members }));
}
