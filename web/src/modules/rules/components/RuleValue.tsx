import { Flex, Tag, Typography } from 'antd';
import { useT } from '../../../i18n';
import { todayInChina } from '../../common/utils/today-in-china';
import { useRuleText } from '../hooks/useRuleText';
import type { Rule } from '../types/rule';
import { nextPendingChange } from '../utils/change-state';

/** The value in effect, marked when it is the province's, and a change that waits for its date. */
export function RuleValue({ rule }: { rule: Rule }) {
  const t = useT();
  const { amount } = useRuleText();
  const pending = nextPendingChange(rule, todayInChina());

  return (
    <Flex vertical gap={2} align="flex-start">
      <Flex gap={6} align="center" wrap>
        <Typography.Text strong>{amount(rule.value, rule.unit)}</Typography.Text>
        {rule.overridden && (
          <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
            {t('rules.overridden')}
          </Tag>
        )}
      </Flex>
      {pending && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {t('rules.pending', { date: pending.effectiveFrom, amount: amount(pending.value, rule.unit) })}
        </Typography.Text>
      )}
    </Flex>
  );
}
