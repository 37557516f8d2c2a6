import { Flex, Space, Tag, Timeline, Typography } from 'antd';
import { useT } from '../../../i18n';
import { formatTime } from '../../common/utils/format-time';
import { useTransferMeta } from '../hooks/useTransferMeta';
import type { TransferEvent } from '../types/transfer';
import { formatMinutes } from '../utils/duration';

const DOTS: Record<string, string> = {
  approve: 'green',
  accept_appeal: 'green',
  complete: 'green',
  return: 'orange',
  appeal: 'purple',
  reject_appeal: 'red',
  expire: 'red',
  withdraw: 'gray',
};

/**
 * 办理记录, oldest first: what was done at which stage, by whom through which post, whether a post
 * above decided on the stage's behalf (代审批), and how long the stage had waited.
 */
export function TransferTimeline({ events, responseHours }: { events: TransferEvent[]; responseHours: number | undefined }) {
  const t = useT();
  const { action, stage } = useTransferMeta();

  return (
    <Timeline
      items={events.map((event) => {
        const late = event.responseMinutes !== null && responseHours !== undefined && event.responseMinutes > responseHours * 60;
        return {
          key: event.id,
          color: DOTS[event.action] ?? 'blue',
          content: (
            <Flex vertical gap={2}>
              <Space size={6} wrap>
                <Typography.Text strong>{action(event.action)}</Typography.Text>
                {event.stage && (
                  <Typography.Text type="secondary">
                    {stage(event.stage)}
                    {event.orgName ? ` · ${event.orgName}` : ''}
                  </Typography.Text>
                )}
                {event.onBehalf && <Tag color="gold">{t('transfer.onBehalf')}</Tag>}
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatTime(event.at)} · {event.postLabel ? t('transfer.actorPost', { actor: event.actorUsername, post: event.postLabel }) : event.actorUsername}
              </Typography.Text>
              {event.responseMinutes !== null && (
                <Typography.Text type={late ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                  {t(late ? 'transfer.responseLate' : 'transfer.responseTime', { time: formatMinutes(event.responseMinutes, t) })}
                </Typography.Text>
              )}
              {event.evidence && <Typography.Text>{t('transfer.eventEvidence', { text: event.evidence })}</Typography.Text>}
              {event.reason && <Typography.Text>{t('transfer.eventReason', { text: event.reason })}</Typography.Text>}
            </Flex>
          ),
        };
      })}
    />
  );
}
