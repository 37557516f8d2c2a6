import { useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Input, Skeleton, Tooltip, Typography } from 'antd';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useT } from '../i18n';
import { useCan } from '../modules/auth/hooks/useSession';
import { useErrorMessage } from '../modules/common/hooks/useErrorMessage';
import { RuleChangeModal } from '../modules/rules/components/RuleChangeModal';
import { RuleTable } from '../modules/rules/components/RuleTable';
import { useRules } from '../modules/rules/hooks/useRules';
import type { Rule } from '../modules/rules/types/rule';
import { groupRules, RULE_GROUP_LABELS } from '../modules/rules/utils/rule-groups';
import { matchesRule } from '../modules/rules/utils/rule-search';

/** 规则参数: every rule number the system works by, with its source; the province may set its own. */
export default function RulesPage() {
  const t = useT();
  const can = useCan();
  const errorMessage = useErrorMessage();
  const rules = useRules();
  const [q, setQ] = useState('');
  const [changing, setChanging] = useState<Rule | null>(null);
  const canChange = can('rules.manage');

  const groups = useMemo(() => groupRules((rules.data ?? []).filter((rule) => matchesRule(rule, q))), [rules.data, q]);

  return (
    <Card
      size="small"
      title={t('rules.title')}
      extra={
        <Tooltip title={t('common.refresh')}>
          <Button type="text" size="small" icon={<ReloadOutlined />} aria-label={t('common.refresh')} onClick={rules.reload} />
        </Tooltip>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{canChange ? t('rules.introManage') : t('rules.intro')}</Typography.Text>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('rules.searchPlaceholder')}
          aria-label={t('rules.searchPlaceholder')}
          value={q}
          onChange={(event) => setQ(event.target.value)}
          style={{ maxWidth: 420 }}
        />
        {rules.error !== null && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(rules.error)}
            action={
              <Button size="small" onClick={rules.reload}>
                {t('common.retry')}
              </Button>
            }
          />
        )}
        {!rules.data && rules.error === null && <Skeleton active />}
        {rules.data && groups.length === 0 && <Empty description={t('rules.noMatch')} />}
        {groups.map((group) => {
          const label = RULE_GROUP_LABELS[group.prefix];
          return (
            <section key={group.prefix} aria-label={label ? t(label) : group.prefix}>
              <Typography.Title level={5} className="tw-section-title">
                {label && `${t(label)} `}
                <Typography.Text type="secondary" className="tw-mono" style={{ fontSize: 13, fontWeight: 'normal' }}>
                  {group.prefix}.*
                </Typography.Text>
              </Typography.Title>
              <RuleTable rules={group.rules} canChange={canChange} onChange={setChanging} />
            </section>
          );
        })}
      </Flex>

      {changing && (
        <RuleChangeModal
          rule={changing}
          onClose={() => setChanging(null)}
          onChanged={() => {
            setChanging(null);
            rules.reload();
          }}
        />
      )}
    </Card>
  );
}
