import { useState } from 'react';
import { Alert, Button, Flex, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { useWeakBranches } from '../hooks/useWeakBranches';
import type { WeakBranch, WeakKind } from '../types/member-stats';

type Props = { kind: WeakKind; orgId: number | undefined };

/** 空心团支部 or 无团干团支部 in the selected subtree, each linking to its members. */
export function WeakBranchList({ kind, orgId }: Props) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [shownFor, setShownFor] = useState(orgId);
  // Another organization starts again at page 1.
  if (shownFor !== orgId) {
    setShownFor(orgId);
    setPaging((prev) => ({ ...prev, page: 1 }));
  }
  const list = useWeakBranches({ kind, orgId, ...paging });
  const hollow = kind === 'hollow';

  const columns: TableProps<WeakBranch>['columns'] = [
    {
      key: 'name',
      title: t('stats.weak.branch'),
      render: (_, row) => <Link to={`/members?org=${row.orgId}`}>{row.name}</Link>,
    },
    {
      key: 'parents',
      title: t('stats.weak.parents'),
      render: (_, row) => (
        <Typography.Text type="secondary">
          {row.parentNames.length > 0 ? row.parentNames.join(' › ') : t('stats.weak.direct')}
        </Typography.Text>
      ),
    },
    {
      key: 'count',
      title: hollow ? t('stats.col.active') : t('stats.col.cadre'),
      width: 120,
      align: 'end',
      dataIndex: 'count',
    },
    {
      key: 'actions',
      title: t('member.col.actions'),
      width: 120,
      render: (_, row) => <Link to={`/members?org=${row.orgId}`}>{t('stats.weak.openMembers')}</Link>,
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">
        {hollow
          ? t('stats.weak.hollowHint', { threshold: list.data?.threshold ?? '…' })
          : t('stats.weak.noCadreHint')}
      </Typography.Text>
      {list.error !== null && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(list.error)}
          action={
            <Button size="small" onClick={list.reload}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      <Table<WeakBranch>
        rowKey="orgId"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        locale={{ emptyText: hollow ? t('stats.weak.noneHollow') : t('stats.weak.noneNoCadre') }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </Flex>
  );
}
