import { Flex, Form, InputNumber, Tag, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useWorkplanMeta } from '../hooks/useWorkplanMeta';
import type { Target, TargetProgress } from '../types/workplan';
import { formatTarget, withUnit } from '../utils/format-target';

type Props = {
  targets: Target[];
  /** What the reporting organization has achieved so far, per target (its goal may be a quota). */
  progressOf: (targetId: number) => TargetProgress | undefined;
};

/**
 * One number per confirmed target the organization reports; a target bound to the system's data is
 * shown with its computed figure and never asked for.
 */
export function ReportFigures({ targets, progressOf }: Props) {
  const t = useT();
  const { metric } = useWorkplanMeta();
  const confirmed = targets.filter((target) => target.status === 'confirmed');
  const asked = confirmed.filter((target) => !target.metricKey);
  const computed = confirmed.filter((target) => target.metricKey);
  if (confirmed.length === 0) return null;

  const goalText = (target: Target) => {
    const p = progressOf(target.id);
    if (p && p.goal === null) return t('workplan.report.noShare');
    const goal = p?.goal ?? target.value;
    const current = p?.current;
    const parts = [t('workplan.report.goal', { goal: formatTarget({ ...target, value: goal }) })];
    if (current !== null && current !== undefined) parts.push(t('workplan.report.sofar', { value: withUnit(current, target.unit) }));
    return parts.join(' · ');
  };

  return (
    <Flex vertical gap={0}>
      {asked.map((target) => (
        <Form.Item key={target.id} name={['figures', String(target.id)]} label={target.label} extra={goalText(target)}>
          <InputNumber min={-1e12} max={1e12} suffix={target.unit} placeholder={t(target.unit === '%' ? 'workplan.report.ratePlaceholder' : 'workplan.report.figurePlaceholder')} style={{ width: 220 }} />
        </Form.Item>
      ))}
      {computed.length > 0 && (
        <Form.Item label={t('workplan.report.computedTitle')}>
          <Flex vertical gap={4}>
            {computed.map((target) => {
              const p = progressOf(target.id);
              return (
                <Flex key={target.id} wrap gap={6} align="center">
                  <Typography.Text>{target.label}</Typography.Text>
                  <Tag color="cyan" bordered={false} style={{ marginInlineEnd: 0 }}>
                    {t('workplan.target.computed', { metric: metric(target.metricKey) })}
                  </Tag>
                  <Typography.Text type="secondary">
                    {p?.current != null ? withUnit(p.current, target.unit) : t('workplan.target.noFigure')}
                  </Typography.Text>
                </Flex>
              );
            })}
          </Flex>
        </Form.Item>
      )}
    </Flex>
  );
}
