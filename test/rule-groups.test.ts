import { describe, expect, it } from 'vitest';
import { RULES } from '../src/platform/rules/rules.ts';

// The web's modules are typed under the web's own compiler settings, so they are loaded here by path.
const web = (file: string) => new URL(`../web/src/${file}`, import.meta.url).href;

/** The 规则参数 page names each group of rules in Chinese: a new rule prefix without a name fails here. */
describe('rule groups on the rules page', () => {
  it('names every prefix of the rule table, in Chinese and English', async () => {
    const { RULE_GROUP_LABELS, ruleGroupOf } = (await import(web('modules/rules/utils/rule-groups.ts'))) as {
      RULE_GROUP_LABELS: Record<string, string>; ruleGroupOf: (key: string) => string;
    };
    const { zhCN } = (await import(web('i18n/messages.zh-CN.ts'))) as { zhCN: Record<string, string> };
    const { enUS } = (await import(web('i18n/messages.en-US.ts'))) as { enUS: Record<string, string> };
    const prefixes = [...new Set(Object.keys(RULES).map(ruleGroupOf))];
    expect(prefixes.length).toBeGreaterThan(10);
    for (const prefix of prefixes) {
      const key = RULE_GROUP_LABELS[prefix];
      expect(key, `rule prefix ${prefix} has no group name in web/src/modules/rules/utils/rule-groups.ts`).toBeDefined();
      expect(zhCN[key!], `${key} has no Chinese text`).toMatch(/[\u4e00-\u9fff]/);
      expect(enUS[key!], `${key} has no English text`).toMatch(/[A-Za-z]/);
    }
  });
});
