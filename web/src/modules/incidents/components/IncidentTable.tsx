import { Button, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useT } from '../../../i18n';
import { formatTime } from '../../common/utils/format-time';
import type { IncidentPage } from '../api/incident-api';
import type { IncidentSummary } from '../types/incident';
import { IncidentDeadlines, IncidentTags } from './IncidentTags';

type Props = {
  data: IncidentPage | null;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  onOpen: (incident: IncidentSummary) => void;
};

/** The register, newest detection first: what, where, how serious, where it stands and its time limits. */
export function IncidentTable({ data, loading, page, pageSize, onPageChange, onOpen }: Props) {
  const t = useT();
  const columns: ColumnsType<IncidentSummary> = [
    { title: t('incidents.col.detectedAt'), dataIndex: 'detectedAt', width: 170, render: (at: string) => formatTime(at) },
    {
      title: t('incidents.col.title'),
      key: 'title',
      render: (_, incident) => (
        <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => onOpen(incident)}>
          {incident.title}
        </Button>
      ),
    },
    { title: t('incidents.col.org'), dataIndex: 'orgName', width: 180, ellipsis: true },
    { title: t('incidents.col.status'), key: 'status', width: 220, render: (_, incident) => <IncidentTags incident={incident} /> },
    {
      title: t('incidents.col.deadlines'),
      key: 'deadlines',
      width: 200,
      render: (_, incident) =>
        incident.status === 'closed' ? (
          <Typography.Text type="secondary">{t('incidents.closedAt', { time: formatTime(incident.closedAt) })}</Typography.Text>
        ) : (
          <IncidentDeadlines incident={incident} />
        ),
    },
  ];
  return (
    <Table<IncidentSummary>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      locale={{ emptyText: t('incidents.empty') }}
      scroll={{ x: 900 }}
      pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, onChange: onPageChange }}
    />
  );
}
