import type { ReactNode } from 'react';
import { Button, Flex, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useLang, useT, type Lang } from '../../../i18n';
import type { DuesListItem, DuesListPage } from '../types/dues';
import { formatYuan } from '../utils/money';
import { DuesStandingTag } from './DuesStandingTag';
import { Yuan } from './Yuan';

type Props = {
  data: DuesListPage | null;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  onOpen: (member: DuesListItem) => void;
  /** Ticked members, kept across pages; undefined: the post may not collect, so no tick boxes. */
  selectedIds?: number[];
  onSelectionChange?: (ids: number[], rows: DuesListItem[]) => void;
  /** Phones: one cell per member with the amounts under the name. */
  compact?: boolean;
  emptyText: string;
};

// Chinese labels fit a 1440px screen with the tree beside the table; English ones need more room.
const WIDTHS = {
  'zh-CN': { name: 96, branch: 180, monthly: 112, paidThrough: 96, owedMonths: 96, owedFen: 112, standing: 120, actions: 72 },
  'en-US': { name: 120, branch: 200, monthly: 132, paidThrough: 116, owedMonths: 116, owedFen: 132, standing: 140, actions: 88 },
} satisfies Record<Lang, Record<string, number>>;

/** The 团费名单: what each member pays, how far they have paid, and what they owe. */
export function DuesMemberTable(props: Props) {
  const { data, loading, page, pageSize, onPageChange, onOpen, selectedIds, onSelectionChange, compact = false, emptyText } =
    props;
  const t = useT();
  const { lang } = useLang();
  const widths = WIDTHS[lang];
  const none = t('common.none');

  const nameLink = (member: DuesListItem) => (
    <Button
      type="link"
      size="small"
      style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
      onClick={() => onOpen(member)}
    >
      {member.name}
    </Button>
  );
  const owed = (member: DuesListItem) => member.standing?.owedMonths ?? 0;
  const owedText = (member: DuesListItem, text: ReactNode) =>
    owed(member) > 0 ? <Typography.Text type="danger">{text}</Typography.Text> : text;

  const fullColumns: TableProps<DuesListItem>['columns'] = [
    { key: 'name', title: t('member.col.name'), fixed: 'start', width: widths.name, render: (_, m) => nameLink(m) },
    { key: 'branch', title: t('member.col.branch'), width: widths.branch, ellipsis: true, dataIndex: 'orgName' },
    {
      key: 'monthly',
      title: t('dues.col.monthly'),
      width: widths.monthly,
      align: 'end',
      render: (_, m) =>
        m.monthlyFen === null ? (
          <Typography.Text type="secondary">{t('dues.notAssessed')}</Typography.Text>
        ) : (
          <Yuan fen={m.monthlyFen} />
        ),
    },
    {
      key: 'paidThrough',
      title: t('dues.col.paidThrough'),
      width: widths.paidThrough,
      render: (_, m) => (m.standing ? m.paidThrough : none),
    },
    {
      key: 'owedMonths',
      title: t('dues.col.owedMonths'),
      width: widths.owedMonths,
      align: 'end',
      render: (_, m) => (m.standing ? owedText(m, String(owed(m))) : none),
    },
    {
      key: 'owedFen',
      title: t('dues.col.owedFen'),
      width: widths.owedFen,
      align: 'end',
      render: (_, m) => (m.standing ? owedText(m, <Yuan fen={m.standing.owedFen} />) : none),
    },
    { key: 'standing', title: t('dues.col.standing'), width: widths.standing, render: (_, m) => <DuesStandingTag standing={m.standing} /> },
    {
      key: 'actions',
      title: t('member.col.actions'),
      fixed: 'end',
      width: widths.actions,
      render: (_, m) => (
        <Button type="link" size="small" onClick={() => onOpen(m)}>
          {t('dues.ledger')}
        </Button>
      ),
    },
  ];

  const compactColumns: TableProps<DuesListItem>['columns'] = [
    {
      key: 'name',
      title: t('member.col.name'),
      render: (_, m) => (
        <Flex vertical gap={2} align="start">
          <Space size={6} wrap>
            {nameLink(m)}
            <DuesStandingTag standing={m.standing} />
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.orgName}
          </Typography.Text>
          {m.standing && m.monthlyFen !== null && (
            <Typography.Text style={{ fontSize: 12 }}>
              {t('dues.compactLine', { monthly: formatYuan(m.monthlyFen), through: m.paidThrough ?? none })}
              {owed(m) > 0 && (
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  {' · '}
                  {t('dues.compactOwed', { months: owed(m), amount: formatYuan(m.standing.owedFen) })}
                </Typography.Text>
              )}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Table<DuesListItem>
      rowKey="id"
      size="small"
      columns={compact ? compactColumns : fullColumns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={compact ? undefined : { x: Object.values(widths).reduce((sum, w) => sum + w, 0) + (selectedIds ? 48 : 0) }}
      locale={{ emptyText }}
      rowSelection={
        selectedIds && onSelectionChange
          ? {
              selectedRowKeys: selectedIds,
              preserveSelectedRowKeys: true,
              fixed: true,
              onChange: (keys, rows) => onSelectionChange(keys.map(Number), rows.filter(Boolean)),
            }
          : undefined
      }
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: !compact,
        simple: compact,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: compact ? undefined : (total) => t('common.total', { total }),
        onChange: onPageChange,
      }}
    />
  );
}
