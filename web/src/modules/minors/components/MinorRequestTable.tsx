import { Button, Flex, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useT } from '../../../i18n';
import { formatTime } from '../../common/utils/format-time';
import type { MinorAccessRequest } from '../types/minor-access';
import { MinorStateTag } from './MinorStateTag';

type Props = {
  /** Whose list: the approver's (waiting or decided) or the requester's own. */
  mode: 'pending' | 'decided' | 'mine';
  items: MinorAccessRequest[] | null;
  loading: boolean;
  onAction: (request: MinorAccessRequest, action: 'approve' | 'refuse' | 'revoke') => void;
  onOpen?: (request: MinorAccessRequest) => void;
};

/** Requests to open minors' records, with what the viewer may do about each. */
export function MinorRequestTable({ mode, items, loading, onAction, onOpen }: Props) {
  const t = useT();
  const live = (r: MinorAccessRequest) => r.state === 'pending' || r.state === 'active';
  const columns: TableColumnsType<MinorAccessRequest> = [
    {
      key: 'subject',
      title: t('minor.col.subject'),
      render: (_, r) => (
        <Flex vertical>
          <Typography.Text strong>{r.subjectLabel}</Typography.Text>
          <Typography.Text type="secondary">
            {r.subjectType === 'applicant' ? `${t('minor.subject.applicant')} · ${r.orgName}` : r.orgName}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(mode === 'mine'
      ? []
      : [{ key: 'requester', title: t('minor.col.requester'), render: (_: unknown, r: MinorAccessRequest) => (
          <Flex vertical>
            <span>{r.requester}</span>
            {r.requesterPostLabel && <Typography.Text type="secondary">{r.requesterPostLabel}</Typography.Text>}
          </Flex>
        ) }]),
    {
      key: 'reason',
      title: t('minor.col.reason'),
      render: (_, r) => (
        <Flex vertical>
          <span>{r.reason}</span>
          <Typography.Text type="secondary">{r.purpose}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'hours', title: t('minor.col.hours'), width: 90, render: (_, r) => t('minor.hours', { hours: r.requestedHours }) },
    { key: 'requestedAt', title: t('minor.col.requestedAt'), width: 160, render: (_, r) => formatTime(r.requestedAt) },
    {
      key: 'state',
      title: t('minor.col.state'),
      width: 200,
      render: (_, r) => (
        <Flex vertical>
          <MinorStateTag state={r.state} />
          {r.state === 'active' && r.expiresAt && <Typography.Text type="secondary">{t('minor.until', { time: formatTime(r.expiresAt) })}</Typography.Text>}
          {r.decidedBy && <Typography.Text type="secondary">{r.decidedBy}{r.decisionComment ? `：${r.decisionComment}` : ''}</Typography.Text>}
          {r.revokedBy && <Typography.Text type="secondary">{r.revokedBy}：{r.revokeReason}</Typography.Text>}
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('minor.col.actions'),
      width: 170,
      render: (_, r) => (
        <Space size={0} wrap>
          {mode === 'pending' && (
            <>
              <Button type="link" size="small" onClick={() => onAction(r, 'approve')}>{t('minor.approve')}</Button>
              <Button type="link" size="small" danger onClick={() => onAction(r, 'refuse')}>{t('minor.refuse')}</Button>
            </>
          )}
          {mode === 'decided' && r.state === 'active' && (
            <Button type="link" size="small" danger onClick={() => onAction(r, 'revoke')}>{t('minor.revoke')}</Button>
          )}
          {mode === 'mine' && r.state === 'active' && onOpen && (
            <Button type="link" size="small" onClick={() => onOpen(r)}>{t('minor.open')}</Button>
          )}
          {mode === 'mine' && live(r) && (
            <Button type="link" size="small" danger onClick={() => onAction(r, 'revoke')}>{t(r.state === 'pending' ? 'minor.withdraw' : 'minor.revoke')}</Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Table<MinorAccessRequest>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items ?? []}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 900 }}
      locale={{ emptyText: t(mode === 'pending' ? 'minor.empty.pending' : mode === 'decided' ? 'minor.empty.decided' : 'minor.empty.mine') }}
    />
  );
}
