import { Button, Col, Empty, Row } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import type { PlanBox } from '../types/plan-box';
import type { PlanSummary } from '../types/workplan';
import { PlanCard } from './PlanCard';

type Props = {
  plans: PlanSummary[];
  postOrgId: number | undefined;
  box: PlanBox | null;
  /** Nothing in view at all (not merely nothing in this year or box). */
  noneAtAll: boolean;
  onImport: (() => void) | null;
};

/** The plans as cards, or what to do when there are none. */
export function PlanGrid({ plans, postOrgId, box, noneAtAll, onImport }: Props) {
  const t = useT();
  if (plans.length === 0) {
    const description = box
      ? t(box === 'reminders' ? 'workplan.list.emptyReminders' : 'workplan.list.emptyReportsDue')
      : noneAtAll
        ? t(onImport ? 'workplan.list.emptyManage' : 'workplan.list.emptyRead')
        : t('workplan.list.emptyYear');
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span style={{ display: 'inline-block', maxWidth: 520 }}>{description}</span>}>
        {onImport && !box && (
          <Button type="primary" icon={<UploadOutlined />} onClick={onImport}>
            {t('workplan.import.open')}
          </Button>
        )}
      </Empty>
    );
  }
  return (
    <Row gutter={[12, 12]}>
      {plans.map((plan) => (
        <Col key={plan.id} xs={24} md={12} xxl={8}>
          <PlanCard plan={plan} postOrgId={postOrgId} box={box} />
        </Col>
      ))}
    </Row>
  );
}
