import { Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useT, type MessageKey } from '../../../i18n';
import type { Page } from '../../common/types/page';
import { formatTime } from '../../common/utils/format-time';
import { useActionLabel } from '../hooks/useActionLabel';
import type { AuditEntry, AuditResult } from '../types/audit';

const RESULT: Record<AuditResult, { color: string; label: MessageKey }> = {
  ok: { color: 'green', label: 'audit.result.ok' },
  denied: { color: 'orange', label: 'audit.result.denied' },
  failed: { color: 'red', label: 'audit.result.failed' },
};

type Props = {
  data: Page<AuditEntry> | null;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
};

export function AuditTable({ data, loading, page, pageSize, onPageChange }: Props) {
  const t = useT();
  const actionLabel = useActionLabel();
  const none = t('common.none');

  const columns: TableProps<AuditEntry>['columns'] = [
    { key: 'at', title: t('audit.col.at'), width: 170, render: (_, entry) => formatTime(entry.at) },
    { key: 'actor', title: t('audit.col.actor'), width: 130, render: (_, entry) => entry.actorUsername ?? none },
    { key: 'post', title: t('audit.col.post'), width: 220, ellipsis: true, render: (_, entry) => entry.postLabel ?? none },
    {
      key: 'action',
      title: t('audit.col.action'),
      width: 140,
      render: (_, entry) => <span title={entry.action}>{actionLabel(entry.action)}</span>,
    },
    {
      key: 'target',
      title: t('audit.col.target'),
      ellipsis: true,
      render: (_, entry) => {
        if (entry.targetLabel) return entry.targetLabel;
        if (entry.targetType) {
          return (
            <Typography.Text type="secondary">
              {entry.targetType}
              {entry.targetId !== null ? ` #${entry.targetId}` : ''}
            </Typography.Text>
          );
        }
        return none;
      },
    },
    {
      key: 'result',
      title: t('audit.col.result'),
      width: 90,
      render: (_, entry) => {
        const result = RESULT[entry.result];
        return result ? <Tag color={result.color}>{t(result.label)}</Tag> : entry.result;
      },
    },
    { key: 'ip', title: t('audit.col.ip'), width: 140, render: (_, entry) => entry.ip ?? none },
  ];

  return (
    <Table<AuditEntry>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 1000 }}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (total) => t('common.total', { total }),
        onChange: onPageChange,
      }}
    />
  );
}
