import { InputNumber, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useT } from '../../../i18n';
import type { Target } from '../types/workplan';
import { formatFigure, withUnit } from '../utils/format-target';

export type QuotaValues = Record<string, number | null>;
export const quotaKey = (orgId: number, targetId: number) => `${orgId}:${targetId}`;

type Props = {
  orgs: { id: number; name: string }[];
  /** Counts to share out; a rate or a ceiling holds for every organization as it is. */
  targets: Target[];
  /** The assigner's own goal per target, to add the shares up against. */
  goalOf: (target: Target) => number | null;
  values: QuotaValues;
  onChange: (values: QuotaValues) => void;
};

/** One row per organization chosen, one quota per count target, with the shares added up under them. */
export function QuotaTable({ orgs, targets, goalOf, values, onChange }: Props) {
  const t = useT();
  const columns: TableProps<{ id: number; name: string }>['columns'] = [
    { key: 'org', title: t('workplan.assign.org'), width: 180, fixed: 'start', render: (_, org) => org.name },
    ...targets.map((target) => ({
      key: target.id,
      width: 150,
      title: (
        <span>
          {target.label}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, fontWeight: 'normal' }}>
            {goalOf(target) === null ? target.unit : t('workplan.assign.goal', { goal: withUnit(goalOf(target)!, target.unit) })}
          </Typography.Text>
        </span>
      ),
      render: (_: unknown, org: { id: number; name: string }) => (
        <InputNumber
          min={0}
          max={1e12}
          value={values[quotaKey(org.id, target.id)] ?? null}
          onChange={(value) => onChange({ ...values, [quotaKey(org.id, target.id)]: value })}
          aria-label={t('workplan.assign.quotaOf', { org: org.name, label: target.label })}
          suffix={target.unit}
          style={{ width: '100%' }}
        />
      ),
    })),
  ];
  const sum = (target: Target) => orgs.reduce((s, org) => s + (values[quotaKey(org.id, target.id)] ?? 0), 0);
  return (
    <Table
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={orgs}
      pagination={false}
      scroll={{ x: 180 + targets.length * 150 }}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>{t('workplan.assign.sum')}</Table.Summary.Cell>
          {targets.map((target, i) => {
            const goal = goalOf(target);
            const total = sum(target);
            return (
              <Table.Summary.Cell key={target.id} index={i + 1}>
                <Typography.Text type={goal !== null && total < goal ? 'warning' : undefined}>
                  {formatFigure(total)}
                  {goal !== null && ` / ${formatFigure(goal)}`}
                </Typography.Text>
              </Table.Summary.Cell>
            );
          })}
        </Table.Summary.Row>
      )}
    />
  );
}
