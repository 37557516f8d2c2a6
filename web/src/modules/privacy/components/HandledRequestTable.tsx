import { Button, Flex, Space, Table, Tag, Typography } from 'antd';
import { useT } from '../../../i18n';
import { fieldLabel, kindLabel, reasonLabel, requesterLabel, STATUS_COLORS, statusLabel } from '../../self/utils/subject-request-labels';
import type { HandledRequest } from '../types/handled-request';

/** The requests in scope: whom, what, by when, where it stands, and the two decisions while open. */
export function HandledRequestTable({ items, loading, onDecide }: {
  items: HandledRequest[];
  loading: boolean;
  onDecide: (request: HandledRequest, decision: 'accept' | 'refuse') => void;
}) {
  const t = useT();
  return (
    <Table<HandledRequest>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('privacy.handle.empty') }}
      scroll={{ x: 900 }}
      columns={[
        {
          key: 'member',
          title: t('privacy.handle.col.member'),
          render: (_, r) => (
            <Flex vertical>
              <Space size={4}>
                <span>{r.memberName}</span>
                {r.memberRestricted && <Tag color="warning">{t('privacy.handle.restricted')}</Tag>}
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <span className="tw-mono">{r.idNumberMasked}</span> · {r.orgName}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          key: 'request',
          title: t('privacy.handle.col.request'),
          render: (_, r) => (
            <Flex vertical gap={2}>
              <Space size={4} wrap>
                <Tag>{t(kindLabel(r.kind))}</Tag>
                <span>{r.field ? `${t(fieldLabel(r.field))} → ${r.proposedValue ?? ''}` : r.reasonCode ? t(reasonLabel(r.reasonCode)) : ''}</span>
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(requesterLabel(r.requesterKind))}
                {r.note ? ` · ${r.note}` : ''}
              </Typography.Text>
              {r.decisionReason && <Typography.Text style={{ fontSize: 12 }}>{t('privacy.decisionReason', { reason: r.decisionReason })}</Typography.Text>}
            </Flex>
          ),
        },
        {
          key: 'due',
          title: t('privacy.handle.col.due'),
          width: 130,
          render: (_, r) => (
            <Space size={4} wrap>
              <span>{r.dueOn}</span>
              {r.overdue && <Tag color="error">{t('privacy.overdue')}</Tag>}
            </Space>
          ),
        },
        {
          key: 'status',
          title: t('privacy.handle.col.status'),
          width: 110,
          render: (_, r) => (
            <Flex vertical>
              <Tag color={STATUS_COLORS[r.status]} style={{ width: 'fit-content' }}>{t(statusLabel(r.status))}</Tag>
              {r.decidedBy && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.decidedBy}</Typography.Text>}
            </Flex>
          ),
        },
        {
          key: 'actions',
          title: t('privacy.handle.col.actions'),
          width: 150,
          render: (_, r) =>
            r.status === 'open' ? (
              <Space>
                <Button size="small" type="primary" onClick={() => onDecide(r, 'accept')}>
                  {t('privacy.handle.accept')}
                </Button>
                <Button size="small" danger onClick={() => onDecide(r, 'refuse')}>
                  {t('privacy.handle.refuse')}
                </Button>
              </Space>
            ) : null,
        },
      ]}
    />
  );
}
