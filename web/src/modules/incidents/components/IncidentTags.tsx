import { Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../i18n';
import type { IncidentSummary } from '../types/incident';
import { SEVERITY_COLORS, STATUS_COLORS, severityKey, statusKey } from '../utils/incident-labels';

/** Status, level, and the marks that change what must be done: a drill, minors affected. */
export function IncidentTags({ incident, withStatus = true }: { incident: IncidentSummary; withStatus?: boolean }) {
  const t = useT();
  return (
    <Space size={4} wrap>
      {withStatus && <Tag color={STATUS_COLORS[incident.status]}>{t(statusKey(incident.status))}</Tag>}
      <Tag color={SEVERITY_COLORS[incident.severity]}>{t(severityKey(incident.severity))}</Tag>
      {incident.drill && <Tag color="cyan">{t('incidents.drill')}</Tag>}
      {incident.involvesMinors && <Tag color="purple">{t('incidents.minors')}</Tag>}
    </Space>
  );
}

/** Where the incident stands against its time limits: overdue marks, or when the report is due. */
export function IncidentDeadlines({ incident }: { incident: IncidentSummary }) {
  const t = useT();
  if (incident.status === 'closed') return null;
  return (
    <Space size={4} wrap>
      {incident.containOverdue && <Tag color="red">{t('incidents.containOverdue')}</Tag>}
      {incident.reportOverdue && <Tag color="red">{t('incidents.reportOverdue')}</Tag>}
      {incident.regulatorNotifiedAt === null && !incident.reportOverdue && (
        <Tag>{t('incidents.reportDue', { time: dayjs(incident.reportDueAt).format('MM-DD HH:mm') })}</Tag>
      )}
    </Space>
  );
}
