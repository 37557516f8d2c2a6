import { Button, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useLang, useT, type Lang } from '../../../i18n';
import type { Page } from '../../common/types/page';
import { useAdmissionMeta } from '../hooks/useAdmissionMeta';
import type { Applicant } from '../types/admission';
import { lastStepDate } from '../utils/last-step-date';
import { ApplicantStatusTag } from './ApplicantStatusTag';
import { StepProgress } from './StepProgress';
import { MinorLabelTag } from '../../minors/components/MinorLabelTag';

type Props = {
  data: Page<Applicant> | null;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  onOpen: (applicant: Applicant) => void;
  emptyText: string;
};

// Step names are long; the step column gets the room, the branch column gives way first.
const WIDTHS = {
  'zh-CN': { name: 96, branch: 168, step: 232, source: 128, score: 64, lastDate: 104, status: 84, actions: 72 },
  'en-US': { name: 120, branch: 184, step: 260, source: 200, score: 72, lastDate: 112, status: 104, actions: 80 },
} satisfies Record<Lang, Record<string, number>>;

/** 入团申请人, by step: where each one stands, how they came, their 积分 and the last step's date. */
export function ApplicantTable({ data, loading, page, pageSize, onPageChange, onOpen, emptyText }: Props) {
  const t = useT();
  const { lang } = useLang();
  const { source } = useAdmissionMeta();
  const widths = WIDTHS[lang];
  const none = t('common.none');

  const columns: TableProps<Applicant>['columns'] = [
    {
      key: 'name',
      title: t('member.col.name'),
      fixed: 'start',
      width: widths.name,
      // The mark sits beside the button, so the button's name stays the person's name.
      render: (_, a) => (
        <>
          <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => onOpen(a)}>
            {a.name}
          </Button>{' '}
          <MinorLabelTag labels={a.labels} compact />
        </>
      ),
    },
    { key: 'branch', title: t('member.col.branch'), width: widths.branch, ellipsis: true, dataIndex: 'orgName' },
    { key: 'step', title: t('admission.col.step'), width: widths.step, render: (_, a) => <StepProgress step={a.step} stopped={a.status === 'stopped'} /> },
    { key: 'source', title: t('admission.col.source'), width: widths.source, ellipsis: true, render: (_, a) => source(a.source) },
    { key: 'score', title: t('admission.col.score'), width: widths.score, align: 'end', render: (_, a) => a.score ?? none },
    {
      key: 'lastDate',
      title: t('admission.col.lastDate'),
      width: widths.lastDate,
      render: (_, a) => <span className="tw-mono">{lastStepDate(a.facts) ?? none}</span>,
    },
    { key: 'status', title: t('admission.col.status'), width: widths.status, render: (_, a) => <ApplicantStatusTag status={a.status} /> },
    {
      key: 'actions',
      title: t('member.col.actions'),
      fixed: 'end',
      width: widths.actions,
      render: (_, a) => (
        <Button type="link" size="small" onClick={() => onOpen(a)}>
          {a.nextStep !== null && a.status !== 'stopped' ? t('admission.handle') : t('common.details')}
        </Button>
      ),
    },
  ];

  return (
    <Table<Applicant>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: Object.values(widths).reduce((sum, w) => sum + w, 0) }}
      locale={{ emptyText: <Typography.Text type="secondary">{emptyText}</Typography.Text> }}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => t('common.total', { total }),
        onChange: onPageChange,
      }}
    />
  );
}
