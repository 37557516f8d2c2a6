import { Button, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useT } from '../../../i18n';
import { useRuleText } from '../hooks/useRuleText';
import type { Rule } from '../types/rule';
import { RuleHistory } from './RuleHistory';
import { RuleKey } from './RuleKey';
import { RuleValue } from './RuleValue';

type Props = {
  rules: Rule[];
  /** Shows the 调整 button; the server refuses a post without rules.manage all the same. */
  canChange: boolean;
  onChange: (rule: Rule) => void;
};

/**
 * One group of rule numbers; a row opens to its default and change history. Every group's table
 * has the same fixed column widths so that the groups line up one under another.
 */
export function RuleTable({ rules, canChange, onChange }: Props) {
  const t = useT();
  const { amount, description } = useRuleText();

  const columns: TableProps<Rule>['columns'] = [
    {
      key: 'key',
      title: t('rules.col.key'),
      width: 270,
      render: (_, rule) => <RuleKey ruleKey={rule.key} />,
    },
    { key: 'description', title: t('rules.col.description'), width: 170, render: (_, rule) => description(rule.description) },
    { key: 'value', title: t('rules.col.value'), width: 150, render: (_, rule) => <RuleValue rule={rule} /> },
    {
      key: 'default',
      title: t('rules.col.default'),
      width: 130,
      render: (_, rule) => <Typography.Text type="secondary">{amount(rule.defaultValue, rule.unit)}</Typography.Text>,
    },
    {
      key: 'source',
      title: t('rules.col.source'),
      render: (_, rule) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: rule.source }} style={{ margin: 0 }}>
          {rule.source}
        </Typography.Paragraph>
      ),
    },
    { key: 'effectiveFrom', title: t('rules.col.effectiveFrom'), width: 110, dataIndex: 'effectiveFrom' },
    ...(canChange
      ? [
          {
            key: 'actions',
            title: t('rules.col.actions'),
            width: 70,
            render: (_: unknown, rule: Rule) => (
              <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => onChange(rule)}>
                {t('rules.change')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Table<Rule>
      rowKey="key"
      size="middle"
      tableLayout="fixed"
      columns={columns}
      dataSource={rules}
      pagination={false}
      // Room for the 依据 column's two lines; a phone scrolls the table sideways.
      scroll={{ x: 1190 }}
      expandable={{ expandedRowRender: (rule) => <RuleHistory rule={rule} /> }}
    />
  );
}
