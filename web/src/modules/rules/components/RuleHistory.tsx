import { Flex, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useT, type MessageKey } from '../../../i18n';
import { formatTime } from '../../common/utils/format-time';
import { todayInChina } from '../../common/utils/today-in-china';
import { useRuleText } from '../hooks/useRuleText';
import type { Rule, RuleChange } from '../types/rule';
import { changeState, type ChangeState } from '../utils/change-state';

const STATE: Record<ChangeState, { color?: string; label: MessageKey }> = {
  current: { color: 'green', label: 'rules.state.current' },
  pending: { color: 'gold', label: 'rules.state.pending' },
  superseded: { label: 'rules.state.superseded' },
};

/** A rule's default with its source, then every change the province recorded, newest first. */
export function RuleHistory({ rule }: { rule: Rule }) {
  const t = useT();
  const { amount } = useRuleText();
  const today = todayInChina();

  const columns: TableProps<RuleChange>['columns'] = [
    {
      key: 'value',
      title: t('rules.history.col.value'),
      width: 170,
      render: (_, change) => {
        const state = STATE[changeState(rule, change, today)];
        return (
          <Flex gap={6} align="center" wrap>
            <span>{amount(change.value, rule.unit)}</span>
            <Tag color={state.color} style={{ marginInlineEnd: 0 }}>
              {t(state.label)}
            </Tag>
          </Flex>
        );
      },
    },
    { key: 'effectiveFrom', title: t('rules.history.col.effectiveFrom'), width: 110, dataIndex: 'effectiveFrom' },
    { key: 'source', title: t('rules.history.col.source'), dataIndex: 'source' },
    { key: 'reason', title: t('rules.history.col.reason'), dataIndex: 'reason' },
    { key: 'by', title: t('rules.history.col.by'), width: 120, dataIndex: 'by' },
    { key: 'at', title: t('rules.history.col.at'), width: 170, render: (_, change) => formatTime(change.at) },
  ];

  return (
    <Flex vertical gap={8} className="tw-rule-history">
      <Typography.Text type="secondary">
        {t('rules.history.default', { amount: amount(rule.defaultValue, rule.unit), source: rule.defaultSource })}
      </Typography.Text>
      <Table<RuleChange>
        // A change has no id of its own; the moment it was recorded tells it apart.
        rowKey={(change) => `${change.at}|${change.effectiveFrom}|${change.value}`}
        size="small"
        columns={columns}
        dataSource={rule.history}
        pagination={false}
        scroll={{ x: 860 }}
        locale={{ emptyText: t('rules.history.empty') }}
      />
    </Flex>
  );
}
