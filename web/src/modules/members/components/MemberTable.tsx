import { Button, Flex, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useLang, useT, type Lang } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import type { Page } from '../../common/types/page';
import { useMemberEnums } from '../hooks/useMemberEnums';
import type { Member, MemberSort, MemberSortField, MemberWorklist } from '../types/member';
import { isPendingStatus } from '../types/member-status';
import { MemberStatusTag } from './MemberStatusTag';
import { PartyMemberTag } from './PartyMemberTag';
import { MinorLabelTag } from '../../minors/components/MinorLabelTag';

/** 离团 and 审批 are offered on the rows of their worklists, where they are the work to do. */
export type MemberRowAction = 'details' | 'edit' | 'exit' | 'decide';

type Props = {
  data: Page<Member> | null;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  sort: MemberSort;
  /** null: the user cleared the sort. */
  onSortChange: (sort: MemberSort | null) => void;
  onAction: (action: MemberRowAction, member: Member) => void;
  /** Phones: name with sex, age, branch and status in one cell, and the actions; the rest is in 详情. */
  compact?: boolean;
  emptyText?: string;
  worklist?: MemberWorklist;
};

// Chinese labels fit a 1440px screen with the tree beside the table; English ones need more room.
const WIDTHS = {
  'zh-CN': {
    name: 88, sex: 56, age: 72, idNumber: 176, ethnicity: 72, political: 96, joined: 104, number: 124,
    branch: 180, post: 100, phone: 120, status: 168, actions: 104,
  },
  'en-US': {
    name: 120, sex: 72, age: 72, idNumber: 176, ethnicity: 96, political: 140, joined: 116, number: 136,
    branch: 200, post: 140, phone: 120, status: 200, actions: 120,
  },
} satisfies Record<Lang, Record<string, number>>;

/** The age column sorts by date of birth, so it runs the other way round. */
const AGE_ORDER = { asc: 'desc', desc: 'asc' } as const;

function columnOrder(sort: MemberSort, field: MemberSortField): SortOrder {
  if (sort.sort !== field) return null;
  const order = field === 'birthDate' ? AGE_ORDER[sort.order] : sort.order;
  return order === 'asc' ? 'ascend' : 'descend';
}

/** The members of the selected subtree, one server page at a time, sorted by the server. */
export function MemberTable(props: Props) {
  const { data, loading, page, pageSize, onPageChange, sort, onSortChange, onAction, compact = false, emptyText, worklist } =
    props;
  const t = useT();
  const can = useCan();
  const enums = useMemberEnums();
  const { lang } = useLang();
  const widths = WIDTHS[lang];
  const none = t('common.none');
  const sexLabel = (member: Member) => t(member.sex === 'male' ? 'member.sex.male' : 'member.sex.female');

  const nameLink = (member: Member) => (
    <Button
      type="link"
      size="small"
      style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
      onClick={() => onAction('details', member)}
    >
      {member.name}
    </Button>
  );

  const worklistAction: MemberRowAction | null =
    worklist === 'age_out' && can('member.status')
      ? 'exit'
      : worklist === 'pending_approval' && can('member.approve')
        ? 'decide'
        : null;
  const actionsWidth = widths.actions + (worklistAction ? 80 : 0);

  const actions = (member: Member) => (
    <Space size={0} wrap={compact}>
      <Button type="link" size="small" onClick={() => onAction('details', member)}>
        {t('common.details')}
      </Button>
      {can('member.update') && (
        <Button type="link" size="small" onClick={() => onAction('edit', member)}>
          {t('member.edit')}
        </Button>
      )}
      {worklistAction === 'exit' && member.status === 'normal' && (
        <Button type="link" size="small" onClick={() => onAction('exit', member)}>
          {t('member.rowExit')}
        </Button>
      )}
      {worklistAction === 'decide' && isPendingStatus(member.status) && (
        <Button type="link" size="small" onClick={() => onAction('decide', member)}>
          {t('member.decide')}
        </Button>
      )}
    </Space>
  );

  const statusTags = (member: Member) => (
    <Space size={4} wrap={compact}>
      <MemberStatusTag status={member.status} />
      {member.partyMemberKeepingMembership && <PartyMemberTag />}
      <MinorLabelTag labels={member.labels} />
    </Space>
  );

  const sortable = (field: MemberSortField) => ({
    sorter: true,
    sortOrder: columnOrder(sort, field),
    sortDirections: ['ascend', 'descend'] as SortOrder[],
  });

  const fullColumns: TableProps<Member>['columns'] = [
    {
      key: 'name',
      title: t('member.col.name'),
      fixed: 'start',
      width: widths.name,
      ...sortable('name'),
      render: (_, m) => (
        <Space size={2} wrap={false}>
          {nameLink(m)}
          <MinorLabelTag labels={m.labels} compact />
        </Space>
      ),
    },
    { key: 'sex', title: t('member.col.sex'), width: widths.sex, render: (_, m) => sexLabel(m) },
    {
      key: 'birthDate',
      title: t('member.col.age'),
      width: widths.age,
      align: 'end',
      ...sortable('birthDate'),
      render: (_, m) => <span title={m.birthDate}>{m.age}</span>,
    },
    {
      key: 'idNumber',
      title: t('member.col.idNumber'),
      width: widths.idNumber,
      render: (_, m) => <span className="tw-mono">{m.idNumberMasked}</span>,
    },
    {
      key: 'ethnicity',
      title: t('member.col.ethnicity'),
      width: widths.ethnicity,
      ellipsis: true,
      render: (_, m) => enums.label('ethnicities', m.ethnicity),
    },
    {
      key: 'political',
      title: t('member.col.politicalStatus'),
      width: widths.political,
      ellipsis: true,
      render: (_, m) => enums.label('politicalStatuses', m.politicalStatus),
    },
    {
      key: 'joinedLeagueOn',
      title: t('member.col.joinedLeagueOn'),
      width: widths.joined,
      ...sortable('joinedLeagueOn'),
      dataIndex: 'joinedLeagueOn',
    },
    {
      key: 'number',
      title: t('member.col.developmentNumber'),
      width: widths.number,
      render: (_, m) => (m.developmentNumber ? <span className="tw-mono">{m.developmentNumber}</span> : none),
    },
    { key: 'branch', title: t('member.col.branch'), width: widths.branch, ellipsis: true, dataIndex: 'orgName' },
    {
      key: 'post',
      title: t('member.col.leaguePost'),
      width: widths.post,
      ellipsis: true,
      render: (_, m) => enums.leaguePostLabel(m.leaguePost) || none,
    },
    {
      key: 'phone',
      title: t('member.col.phone'),
      width: widths.phone,
      render: (_, m) => (m.phoneMasked ? <span className="tw-mono">{m.phoneMasked}</span> : none),
    },
    { key: 'status', title: t('member.col.status'), width: widths.status, render: (_, m) => statusTags(m) },
    { key: 'actions', title: t('member.col.actions'), fixed: 'end', width: actionsWidth, render: (_, m) => actions(m) },
  ];

  const compactColumns: TableProps<Member>['columns'] = [
    {
      key: 'name',
      title: t('member.col.name'),
      ...sortable('name'),
      render: (_, m) => (
        <Flex vertical gap={2} align="start">
          <Space size={6} wrap>
            {nameLink(m)}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {sexLabel(m)} · {t('member.ageYears', { age: m.age })}
            </Typography.Text>
            {statusTags(m)}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.orgName}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'actions', title: t('member.col.actions'), width: 96, render: (_, m) => actions(m) },
  ];

  const onChange: TableProps<Member>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action !== 'sort' || Array.isArray(sorter)) return;
    const field = sorter.columnKey as MemberSortField | undefined;
    if (!sorter.order || !field) return onSortChange(null);
    const order = sorter.order === 'ascend' ? 'asc' : 'desc';
    onSortChange({ sort: field, order: field === 'birthDate' ? AGE_ORDER[order] : order });
  };

  return (
    <Table<Member>
      rowKey="id"
      size="small"
      columns={compact ? compactColumns : fullColumns}
      dataSource={data?.items ?? []}
      loading={loading}
      onChange={onChange}
      showSorterTooltip={false}
      scroll={compact ? undefined : { x: Object.values(widths).reduce((sum, w) => sum + w, 0) + actionsWidth - widths.actions }}
      locale={emptyText ? { emptyText } : undefined}
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
