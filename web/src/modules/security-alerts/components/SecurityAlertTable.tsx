import type { ReactNode } from 'react';
import { Button, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useLang, useT } from '../../../i18n';
import { formatTime } from '../../common/utils/format-time';
import type { SecurityAlertPage } from '../api/security-alert-api';
import type { SecurityAlert } from '../types/security-alert';

type Props = {
  data: SecurityAlertPage | null;
  loading: boolean;
  page: number;
  pageSize: number;
  canAcknowledge: boolean;
  onPageChange: (page: number, pageSize: number) => void;
  onAcknowledge: (alert: SecurityAlert) => void;
  /** 登记为安全事件, for posts that keep the incident register. */
  incidentAction?: (alert: SecurityAlert) => ReactNode;
};

/** The alerts, newest first: who, through which post, how many times against which limit, and whether handled. */
export function SecurityAlertTable({ data, loading, page, pageSize, canAcknowledge, onPageChange, onAcknowledge, incidentAction }: Props) {
  const t = useT();
  const { lang } = useLang();
  const columns: ColumnsType<SecurityAlert> = [
    { title: t('alerts.at'), dataIndex: 'at', width: 170, render: (at: string) => formatTime(at) },
    { title: t('alerts.kind'), key: 'kind', render: (_, a) => <Tag color="red">{lang === 'en-US' ? a.kindNameEn : a.kindName}</Tag> },
    { title: t('alerts.account'), dataIndex: 'username', render: (v: string | null) => v ?? '—' },
    { title: t('alerts.post'), dataIndex: 'postLabel', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t('alerts.count'), key: 'count', width: 110, render: (_, a) => (a.limit === null ? a.count : `${a.count} / ${a.limit}`) },
    {
      title: t('alerts.status'),
      key: 'status',
      width: 220,
      render: (_, a) =>
        a.acknowledgedAt ? (
          <Typography.Text type="secondary">{t('alerts.acknowledgedBy', { user: a.acknowledgedBy ?? '—', time: formatTime(a.acknowledgedAt) })}</Typography.Text>
        ) : canAcknowledge ? (
          <Button size="small" onClick={() => onAcknowledge(a)}>
            {t('alerts.acknowledge')}
          </Button>
        ) : (
          <Tag color="orange">{t('alerts.open')}</Tag>
        ),
    },
  ];
  if (incidentAction) columns.push({ title: t('nav.incidents'), key: 'incident', width: 150, render: (_, a) => incidentAction(a) });
  return (
    <Table<SecurityAlert>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      locale={{ emptyText: t('alerts.empty') }}
      scroll={{ x: 800 }}
      pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, onChange: onPageChange }}
    />
  );
}
