import { Empty, Flex, Timeline, Typography } from 'antd';
import { useT, type MessageKey } from '../../../i18n';
import { formatTime } from '../../common/utils/format-time';
import { useMemberEnums } from '../hooks/useMemberEnums';
import type { OwnStatusChange, StatusChange, StatusChangeKind } from '../types/member-status';
import { statusColor } from '../utils/status-color';

const KIND_LABELS: Record<StatusChangeKind, MessageKey> = {
  request: 'member.historyKind.request',
  approve: 'member.historyKind.approve',
  reject: 'member.historyKind.reject',
  restore: 'member.historyKind.restore',
};

const STATUS_DOT: Record<string, string> = { green: '#52c41a', gold: '#faad14', red: '#ff4d4f' };

type Item = OwnStatusChange & Partial<Omit<StatusChange, keyof OwnStatusChange>>;

/**
 * 团籍变动记录, newest first. Cadres see who acted, through which post, and why; a member's
 * own page has only what changed and when.
 */
export function MemberStatusTimeline({ items }: { items: Item[] }) {
  const t = useT();
  const enums = useMemberEnums();
  const status = (code: string) => enums.label('statuses', code);
  const kindLabel = (kind: string) =>
    kind in KIND_LABELS ? t(KIND_LABELS[kind as StatusChangeKind]) : kind;

  if (items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('member.historyEmpty')} />;
  }

  return (
    <Timeline
      items={items.map((item, index) => ({
        key: item.id ?? index,
        color: STATUS_DOT[statusColor(item.toStatus) ?? ''] ?? 'gray',
        content: (
          <Flex vertical gap={2}>
            <Typography.Text strong>
              {t('member.historyLine', {
                kind: kindLabel(item.kind),
                change: item.fromStatus ? `${status(item.fromStatus)} → ${status(item.toStatus)}` : status(item.toStatus),
              })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTime(item.at)}
              {item.actorUsername &&
                ` · ${item.postLabel ? t('member.historyActorPost', { actor: item.actorUsername, post: item.postLabel }) : item.actorUsername}`}
            </Typography.Text>
            {item.reason && <Typography.Text>{t('member.historyReason', { reason: item.reason })}</Typography.Text>}
          </Flex>
        ),
      }))}
    />
  );
}
