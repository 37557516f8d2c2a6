import type { ReactNode } from 'react';
import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import type { StatRow } from '../types/member-stats';
import { pendingCount } from '../utils/fields';

/** 团员总数, 团干部, 待审核变动 of the selected subtree. */
export function StatSummary({ row }: { row: StatRow }) {
  const t = useT();
  const can = useCan();
  const pending = pendingCount(row.byStatus);
  // The 待我审批 worklist lists exactly what this post may decide on; without the right it would be empty.
  const pendingLink =
    pending > 0 && can('member.approve') ? `/members?org=${row.orgId}&worklist=pending_approval` : undefined;

  const card = (title: string, value: number, extra?: ReactNode, color?: string) => (
    <Card size="small" className="tw-stat-card">
      <Statistic title={title} value={value} styles={{ content: color ? { color } : undefined }} />
      {extra}
    </Card>
  );

  return (
    <Row gutter={[12, 12]}>
      <Col xs={8}>{card(t('stats.active'), row.active)}</Col>
      <Col xs={8}>{card(t('stats.cadre'), row.cadre)}</Col>
      <Col xs={8}>
        {card(
          t('stats.pending'),
          pending,
          pendingLink && <Link to={pendingLink}>{t('stats.pendingOpen')}</Link>,
          pending > 0 ? '#d48806' : undefined,
        )}
      </Col>
    </Row>
  );
}
