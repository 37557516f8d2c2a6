import type { Kysely } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { AppError, invalidFields } from '../http/app-error.ts';
import { todayInChina } from '../time/china-date.ts';
import { RULES, isRuleKey, rule, ruleMaximum, ruleMinimum, ruleOverride, setEffectiveOverrides, type RuleKey, type RuleOverride } from './rules.ts';

/** Read the overrides in effect today into the rule table. */
export async function loadRuleOverrides(db: Kysely<Database>, today = todayInChina()): Promise<void> {
  const rows = await db
    .selectFrom('rule_override')
    .select(['rule_key', 'value', 'source', 'effective_from'])
    .where('effective_from', '<=', today)
    .orderBy('effective_from')
    .orderBy('id')
    .execute();
  const effective = new Map<RuleKey, RuleOverride>();
  // Later rows win: the newest change that has taken effect.
  for (const row of rows) {
    if (isRuleKey(row.rule_key)) effective.set(row.rule_key, { value: Number(row.value), source: row.source, effectiveFrom: row.effective_from });
  }
  setEffectiveOverrides(effective);
}

/** Every rule with its default, the value in effect, and the changes recorded for it. */
export async function listRules(db: Kysely<Database>) {
  const history = await db.selectFrom('rule_override').selectAll().orderBy('id', 'desc').execute();
  return Object.entries(RULES).map(([key, def]) => {
    const override = ruleOverride(key as RuleKey);
    return {
      key, value: rule(key as RuleKey), defaultValue: def.value, unit: def.unit, description: def.description,
      source: override?.source ?? def.source, effectiveFrom: override?.effectiveFrom ?? def.effectiveFrom, overridden: override !== undefined,
      defaultSource: def.source,
      history: history.filter((h) => h.rule_key === key).map((h) => ({
        value: Number(h.value), source: h.source, effectiveFrom: h.effective_from, reason: h.reason, by: h.created_by_username, at: h.created_at,
      })),
    };
  });
}

/**
 * 调整规则参数: record a province's value with its source and the date it applies from.
 * Values stay positive, whole where the default is whole, and within a hundred times the default,
 * so that a typing slip cannot switch a safeguard off.
 */
export async function setRuleOverride(
  deps: { db: Kysely<Database>; auditKey: Buffer; actor: Actor },
  key: string,
  input: { value: number; source: string; effectiveFrom: string; reason: string },
): Promise<void> {
  if (!isRuleKey(key)) throw new AppError('NOT_FOUND');
  const def = RULES[key];
  const problems = [];
  if (!Number.isFinite(input.value) || input.value <= 0) problems.push({ field: 'value', code: 'not_positive', message: { zh: '取值必须大于0', en: 'must be greater than 0' } });
  else if (Number.isInteger(def.value) && !Number.isInteger(input.value)) problems.push({ field: 'value', code: 'not_integer', message: { zh: '取值必须为整数', en: 'must be a whole number' } });
  else if (input.value < (ruleMinimum(key) ?? 0)) problems.push({ field: 'value', code: 'below_minimum', message: { zh: `取值不能低于法定下限${ruleMinimum(key)}${def.unit}（${def.source}）`, en: `must be at least ${ruleMinimum(key)} ${def.unit}, the legal minimum` } });
  else if (input.value > (ruleMaximum(key) ?? Infinity)) problems.push({ field: 'value', code: 'above_maximum', message: { zh: `取值不能高于上限${ruleMaximum(key)}${def.unit}（${def.source}）`, en: `must be at most ${ruleMaximum(key)} ${def.unit}, the ceiling its source sets` } });
  else if (input.value > def.value * 100) problems.push({ field: 'value', code: 'too_large', message: { zh: `取值不能超过默认值的100倍（${def.value * 100}）`, en: `must be at most 100 times the default (${def.value * 100})` } });
  if (problems.length > 0) throw invalidFields(problems);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('rule_override')
      .values({
        rule_key: key, value: input.value, source: input.source.trim(), effective_from: input.effectiveFrom, reason: input.reason.trim(),
        created_by_user_id: deps.actor.userId, created_by_username: deps.actor.username, created_at: new Date().toISOString(),
      })
      .execute();
    await appendAudit(trx, deps.auditKey, deps.actor, {
      action: 'rule.override', targetType: 'rule', targetId: key, targetLabel: def.description,
      before: { value: rule(key) }, after: { value: input.value }, detail: { source: input.source, effectiveFrom: input.effectiveFrom, reason: input.reason },
    });
  });
  await loadRuleOverrides(deps.db);
}
