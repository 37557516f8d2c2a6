import { useState } from 'react';
import { Alert, Button, Flex, Table, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { useUnregistered } from '../hooks/useUnregistered';
import type { UnregisteredMember } from '../types/evaluation';

type Props = { orgId: number | undefined; year: number; reloadToken: number };

/**
 * 未注册团员: members holding 团籍 who are not registered for the year, because their branch's
 * cycle is not approved yet or because they were deferred.
 */
export function UnregisteredPanel({ orgId, year, reloadToken }: Props) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useUnregistered({ year, orgId, ...paging });

  const shownFor = JSON.stringify([orgId, year]);
  const [last, setLast] = useState({ shownFor, reloadToken });
  if (last.shownFor !== shownFor || last.reloadToken !== reloadToken) {
    setLast({ shownFor, reloadToken });
    if (last.shownFor !== shownFor) setPaging((prev) => ({ ...prev, page: 1 }));
    if (last.reloadToken !== reloadToken) list.reload();
  }

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('evaluation.unregistered.intro', { year })}</Typography.Text>
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
      <Table<UnregisteredMember>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={[
          { key: 'name', title: t('member.col.name'), width: 160, dataIndex: 'name' },
          { key: 'branch', title: t('member.col.branch'), dataIndex: 'orgName' },
        ]}
        locale={{ emptyText: t('evaluation.unregistered.none', { year }) }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('evaluation.unregistered.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </Flex>
  );
}
