import { Badge, Card, Flex, Progress, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n';
import type { PlanBox } from '../types/plan-box';
import type { PlanSummary } from '../types/workplan';
import { StateCounts } from './StateCounts';

type Props = {
  plan: PlanSummary;
  /** The post's own organization: a plan it owns is 本级, one of a committee below is 下级. */
  postOrgId: number | undefined;
  /** Opened from a 工作台 card: the board filters the same way. */
  box: PlanBox | null;
};

/**
 * A plan in the list: title, committee and year, how the post relates to it, progress and states,
 * and what waits for the post's organization there (each opens the board on those tasks).
 */
export function PlanCard({ plan, postOrgId, box }: Props) {
  const t = useT();
  const link = `/workplan/${plan.id}${box ? `?box=${box}` : ''}`;
  const relation = plan.owner
    ? plan.orgId === postOrgId
      ? { color: 'red', text: t('workplan.list.own') }
      : { color: 'volcano', text: t('workplan.list.below') }
    : { color: 'blue', text: t('workplan.list.assigned', { count: plan.tasks }) };
  return (
    <Card size="small" style={{ height: '100%' }} data-plan-id={plan.id}>
      <Flex vertical gap={8}>
        <Link to={link} className="tw-wp-plan-title">
          {plan.title}
        </Link>
        <Flex wrap gap={6} align="center">
          <Typography.Text type="secondary">
            {plan.orgName} · {t('workplan.yearLabel', { year: plan.year })}
          </Typography.Text>
          <Tag color={relation.color} bordered={false} style={{ marginInlineEnd: 0 }}>
            {relation.text}
          </Tag>
          {plan.status === 'archived' && (
            <Tag bordered={false} style={{ marginInlineEnd: 0 }}>
              {t('workplan.archived')}
            </Tag>
          )}
        </Flex>
        <Progress percent={plan.percent} aria-label={t('workplan.list.progress', { title: plan.title })} />
        <StateCounts states={plan.states} />
        {(plan.openReminders > 0 || plan.reportsDueThisMonth > 0) && (
          <Flex wrap gap={12} align="center">
            {plan.openReminders > 0 && (
              <Link to={`/workplan/${plan.id}?box=reminders`} aria-label={t('workplan.list.openReminders', { count: plan.openReminders })}>
                <Badge count={plan.openReminders} size="small" overflowCount={99} /> {t('workplan.list.openRemindersLabel')}
              </Link>
            )}
            {plan.reportsDueThisMonth > 0 && (
              <Link to={`/workplan/${plan.id}?box=reports_due`} aria-label={t('workplan.list.reportsDue', { count: plan.reportsDueThisMonth })}>
                <Badge count={plan.reportsDueThisMonth} size="small" color="orange" overflowCount={99} /> {t('workplan.list.reportsDueLabel')}
              </Link>
            )}
          </Flex>
        )}
        {plan.owner && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('workplan.list.tasks', { count: plan.tasks })}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
