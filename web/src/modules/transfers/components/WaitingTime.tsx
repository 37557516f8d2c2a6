import { Space, Tag, Tooltip, Typography } from 'antd';
import { useT } from '../../../i18n';
import { formatTime } from '../../common/utils/format-time';
import { useTransferMeta } from '../hooks/useTransferMeta';
import { OPEN_STATUSES, type Transfer } from '../types/transfer';
import { formatMinutes, minutesSince } from '../utils/duration';

/**
 * How long the transfer has waited where it stands, with a red 超时 once an organization has let
 * it wait past the response time. A closed transfer shows when it ended.
 */
export function WaitingTime({ transfer }: { transfer: Transfer }) {
  const t = useT();
  const { meta } = useTransferMeta();
  if (!OPEN_STATUSES.includes(transfer.status)) {
    return <Typography.Text type="secondary">{formatTime(transfer.closedAt).slice(0, 16)}</Typography.Text>;
  }
  const waited = formatMinutes(minutesSince(transfer.stageSince), t);
  return (
    <Tooltip title={t('transfer.waitingSince', { time: formatTime(transfer.stageSince), hours: meta?.responseHours ?? '' })}>
      <Space size={4} wrap>
        <span style={{ whiteSpace: 'nowrap' }}>{waited}</span>
        {transfer.overdue && (
          <Tag color="red" style={{ marginInlineEnd: 0 }}>
            {t('transfer.overdue')}
          </Tag>
        )}
      </Space>
    </Tooltip>
  );
}
