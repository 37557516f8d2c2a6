import { Flex, Timeline, Typography } from 'antd';
import { useT } from '../../../i18n';
import { formatTime } from '../../common/utils/format-time';
import type { IncidentEvent } from '../types/incident';
import { eventKey } from '../utils/incident-labels';

const DOTS: Record<string, string> = {
  opened: 'red', contained: 'orange', notified_regulator: 'blue', notified_individuals: 'blue', individuals_exempt: 'gray', closed: 'green',
};

/** 处置经过, oldest first: when each thing happened, what it was, and who wrote it down. */
export function IncidentTimeline({ events }: { events: IncidentEvent[] }) {
  const t = useT();
  return (
    <Timeline
      items={events.map((event) => ({
        key: event.id,
        color: DOTS[event.kind] ?? 'gray',
        content: (
          <Flex vertical gap={2}>
            <Typography.Text strong>{t(eventKey(event.kind))}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('incidents.eventBy', { time: formatTime(event.at), user: event.recordedBy })}
            </Typography.Text>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{event.note}</Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}
