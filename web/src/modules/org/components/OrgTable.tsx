import { Button, Dropdown, Flex, Space, Table, Tooltip, Typography } from 'antd';
import type { MenuProps, TableProps } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useLang, useT, type Lang } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import type { Page } from '../../common/types/page';
import { useOrgEnums } from '../hooks/useOrgEnums';
import type { Org } from '../types/org';
import { ElectionDue } from './ElectionDue';
import { OrgStatusTag } from './OrgStatusTag';

export type OrgRowAction = 'details' | 'edit' | 'move' | 'deactivate' | 'reactivate';

type Props = {
  data: Page<Org> | null;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  /** Clicking a name selects that org in the tree and lists its children. */
  onOpen: (org: Org) => void;
  onAction: (action: OrgRowAction, org: Org) => void;
  /** Phones: the name with its election date and status, and the actions; the rest is in 详情. */
  compact?: boolean;
  emptyText?: string;
};

// Chinese labels fit a 1440px screen without scrolling; English ones need more room.
const WIDTHS = {
  'zh-CN': { name: 144, type: 120, kind: 60, industry: 92, region: 108, childCount: 64, due: 140, status: 72, actions: 160 },
  'en-US': { name: 160, type: 120, kind: 96, industry: 140, region: 108, childCount: 80, due: 168, status: 76, actions: 196 },
} satisfies Record<Lang, Record<string, number>>;

/** The organizations under the selected node, one server page at a time. */
export function OrgTable({ data, loading, page, pageSize, onPageChange, onOpen, onAction, compact = false, emptyText }: Props) {
  const t = useT();
  const can = useCan();
  const enums = useOrgEnums();
  const { lang } = useLang();
  const widths = WIDTHS[lang];
  const none = t('common.none');

  const menuItems = (org: Org, withEdit: boolean): NonNullable<MenuProps['items']> => {
    const items: NonNullable<MenuProps['items']> = [];
    if (withEdit && can('org.update')) items.push({ key: 'edit', label: t('org.edit') });
    if (can('org.move')) items.push({ key: 'move', label: t('org.move') });
    if (can('org.deactivate')) {
      items.push(
        org.status === 'active'
          ? { key: 'deactivate', label: t('org.deactivate'), danger: true }
          : { key: 'reactivate', label: t('org.reactivate') },
      );
    }
    return items;
  };

  const nameLink = (org: Org) => (
    <Tooltip title={t('org.drillDown')} mouseEnterDelay={0.6}>
      <Button
        type="link"
        size="small"
        style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
        onClick={() => onOpen(org)}
      >
        {org.name}
      </Button>
    </Tooltip>
  );

  const actions = (org: Org) => {
    const more = menuItems(org, compact);
    return (
      <Space size={0}>
        <Button type="link" size="small" onClick={() => onAction('details', org)}>
          {t('common.details')}
        </Button>
        {!compact && can('org.update') && (
          <Button type="link" size="small" onClick={() => onAction('edit', org)}>
            {t('org.edit')}
          </Button>
        )}
        {more.length > 0 && (
          <Dropdown
            trigger={['click']}
            menu={{ items: more, onClick: ({ key }) => onAction(key as OrgRowAction, org) }}
          >
            <Button type="link" size="small" aria-label={`${t('common.more')} ${org.name}`}>
              {t('common.more')} <DownOutlined style={{ fontSize: 10 }} />
            </Button>
          </Dropdown>
        )}
      </Space>
    );
  };

  const fullColumns: TableProps<Org>['columns'] = [
    { key: 'name', title: t('org.col.name'), fixed: 'start', width: widths.name, render: (_, org) => nameLink(org) },
    {
      key: 'type',
      title: t('org.col.type'),
      width: widths.type,
      ellipsis: true,
      render: (_, org) => enums.label('types', org.type),
    },
    {
      key: 'kind',
      title: t('org.col.kind'),
      width: widths.kind,
      ellipsis: true,
      render: (_, org) => enums.label('kinds', org.kind),
    },
    {
      key: 'industry',
      title: t('org.col.industry'),
      width: widths.industry,
      ellipsis: true,
      render: (_, org) => enums.label('industryCategories', org.industryCategory) || none,
    },
    {
      key: 'region',
      title: t('org.col.region'),
      width: widths.region,
      ellipsis: true,
      render: (_, org) => org.regionName ?? org.regionCode ?? none,
    },
    { key: 'childCount', title: t('org.col.childCount'), width: widths.childCount, align: 'end', dataIndex: 'childCount' },
    {
      key: 'due',
      title: t('org.col.nextElection'),
      width: widths.due,
      render: (_, org) => <ElectionDue due={org.nextElectionDue} overdue={org.electionOverdue} />,
    },
    { key: 'status', title: t('org.col.status'), width: widths.status, render: (_, org) => <OrgStatusTag status={org.status} /> },
    { key: 'actions', title: t('org.col.actions'), fixed: 'end', width: widths.actions, render: (_, org) => actions(org) },
  ];

  const compactColumns: TableProps<Org>['columns'] = [
    {
      key: 'name',
      title: t('org.col.name'),
      render: (_, org) => (
        <Flex vertical gap={2} align="start">
          {nameLink(org)}
          <Space size={4} wrap>
            <OrgStatusTag status={org.status} hideActive />
            {org.nextElectionDue && (
              <>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('org.col.nextElection')}
                </Typography.Text>
                <ElectionDue due={org.nextElectionDue} overdue={org.electionOverdue} />
              </>
            )}
          </Space>
        </Flex>
      ),
    },
    { key: 'actions', title: t('org.col.actions'), width: 120, render: (_, org) => actions(org) },
  ];

  return (
    <Table<Org>
      rowKey="id"
      size="small"
      columns={compact ? compactColumns : fullColumns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={compact ? undefined : { x: Object.values(widths).reduce((sum, w) => sum + w, 0) }}
      locale={emptyText ? { emptyText } : undefined}
      rowClassName={(org) => (org.status === 'inactive' ? 'tw-row-inactive' : '')}
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
