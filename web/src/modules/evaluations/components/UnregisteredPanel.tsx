import { useState } from 'react';
import { Alert, Button, Flex, Table, Tag, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { useEvaluationMeta } from '../hooks/useEvaluationMeta';
import { useUnregistered } from '../hooks/useUnregistered';
import type { UnregisteredMember } from '../types/evaluation';

/** How far from registration each reason is: the branch's work still to do in blue and gold, the decisions in orange and red. */
const REASON_COLORS: Record<string, string> = {
  no_cycle: 'default',
  not_in_cycle: 'default',
  in_progress: 'processing',
  awaiting_approval: 'gold',
  deferred: 'orange',
  not_decided: 'red',
};

type Props = { orgId: number | undefined; year: number; reloadToken: number };

/**
 * 未注册团员: members holding 团籍 who are not registered for the year, each with the reason the
 * server gives — no cycle at the branch, a cycle under way or awaiting approval, deferred (until
 * when), or not registered.
 */
export function UnregisteredPanel({ orgId, year, reloadToken }: Props) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { unregisteredReason } = useEvaluationMeta();
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
          {
            key: 'reason',
            title: t('evaluation.unregistered.reason'),
            width: 280,
            render: (_, row) => (
              <Flex wrap gap={4} align="center">
                <Tag color={REASON_COLORS[row.reason] ?? 'default'} style={{ marginInlineEnd: 0 }}>
                  {unregisteredReason(row.reason)}
                </Tag>
                {row.reason === 'deferred' && row.deferUntil && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('evaluation.unregistered.deferUntil', { date: row.deferUntil.slice(0, 10) })}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
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
