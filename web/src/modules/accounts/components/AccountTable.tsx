import { Button, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CloseOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import { formatTime } from '../../common/utils/format-time';
import type { Page } from '../../common/types/page';
import type { Account, AccountPost } from '../types/account';
import { AccountStatusTag } from './AccountStatusTag';

/** What a row's buttons ask the page to do. */
export type AccountAction =
  | { kind: 'disable' | 'enable' | 'resetLink' | 'grant' | 'endSessions' | 'resetSecondFactor'; account: Account }
  | { kind: 'revoke'; account: Account; post: AccountPost };

type Props = {
  data: Page<Account> | null;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  onAction: (action: AccountAction) => void;
  /** The signed-in user, who may not act on their own account. */
  selfId: number;
};

/** 账号列表: each account with its posts; the buttons are those the post may use. */
export function AccountTable({ data, loading, page, pageSize, onPageChange, onAction, selfId }: Props) {
  const t = useT();
  const can = useCan();
  const columns: ColumnsType<Account> = [
    {
      title: t('accounts.col.username'),
      dataIndex: 'username',
      width: 160,
      fixed: 'left',
      render: (username: string, account) => (
        <Space size={4}>
          <span className="tw-mono">{username}</span>
          {account.isMember && <Tag>{t('accounts.member')}</Tag>}
        </Space>
      ),
    },
    { title: t('accounts.col.name'), dataIndex: 'displayName', width: 120 },
    { title: t('accounts.col.status'), dataIndex: 'status', width: 96, render: (status: Account['status']) => <AccountStatusTag status={status} /> },
    { title: t('accounts.col.org'), dataIndex: 'orgName', width: 150, render: (name: string | null) => name ?? '—' },
    {
      title: t('accounts.col.posts'),
      dataIndex: 'posts',
      width: 300,
      render: (posts: AccountPost[], account) =>
        posts.length === 0 ? (
          <Typography.Text type="secondary">{t('accounts.noPosts')}</Typography.Text>
        ) : (
          <Flex vertical gap={2}>
            {posts.map((post) => (
              <span key={post.id} style={{ whiteSpace: 'nowrap' }}>
                <Typography.Text delete={post.status !== 'active'} type={post.status !== 'active' ? 'secondary' : undefined}>
                  {post.orgName} · {post.roleName}
                </Typography.Text>
                {post.status !== 'active' && <Typography.Text type="secondary">（{t('accounts.postEnded')}）</Typography.Text>}
                {post.status === 'active' && can('post.manage') && account.id !== selfId && (
                  <Tooltip title={t('accounts.action.revoke')}>
                    <Button
                      type="link"
                      size="small"
                      danger
                      icon={<CloseOutlined />}
                      aria-label={`${t('accounts.action.revoke')} ${post.orgName} · ${post.roleName}`}
                      onClick={() => onAction({ kind: 'revoke', account, post })}
                    >
                      {t('accounts.action.revoke')}
                    </Button>
                  </Tooltip>
                )}
              </span>
            ))}
          </Flex>
        ),
    },
    {
      title: t('accounts.col.secondFactor'),
      dataIndex: 'secondFactor',
      width: 90,
      render: (on: boolean) => (on ? <Tag color="blue">{t('accounts.yes')}</Tag> : <Typography.Text type="secondary">{t('accounts.no')}</Typography.Text>),
    },
    {
      title: t('accounts.col.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 150,
      render: (value: string | null) => (value ? formatTime(value) : <Typography.Text type="secondary">{t('accounts.neverLoggedIn')}</Typography.Text>),
    },
    { title: t('accounts.col.sessions'), dataIndex: 'sessions', width: 80, align: 'right' },
    {
      title: t('accounts.col.actions'),
      key: 'actions',
      width: 220,
      fixed: 'right',
      render: (_: unknown, account) => {
        if (account.id === selfId) return null;
        return (
          <Flex wrap gap={0}>
            {can('user.manage') && account.status !== 'disabled' && (
              <Button type="link" size="small" onClick={() => onAction({ kind: 'resetLink', account })}>
                {t(account.status === 'pending' ? 'accounts.action.activationLink' : 'accounts.action.resetLink')}
              </Button>
            )}
            {can('user.manage') && account.status !== 'disabled' && (
              <Button type="link" size="small" danger onClick={() => onAction({ kind: 'disable', account })}>
                {t('accounts.action.disable')}
              </Button>
            )}
            {can('user.manage') && account.status === 'disabled' && (
              <Button type="link" size="small" onClick={() => onAction({ kind: 'enable', account })}>
                {t('accounts.action.enable')}
              </Button>
            )}
            {can('post.manage') && account.status !== 'disabled' && (
              <Button type="link" size="small" onClick={() => onAction({ kind: 'grant', account })}>
                {t('accounts.action.grant')}
              </Button>
            )}
            {can('session.manage') && account.sessions > 0 && (
              <Button type="link" size="small" danger onClick={() => onAction({ kind: 'endSessions', account })}>
                {t('accounts.action.endSessions')}
              </Button>
            )}
            {can('second_factor.reset') && account.secondFactor && (
              <Button type="link" size="small" danger onClick={() => onAction({ kind: 'resetSecondFactor', account })}>
                {t('accounts.action.resetSecondFactor')}
              </Button>
            )}
          </Flex>
        );
      },
    },
  ];
  return (
    <Table<Account>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 1400 }}
      locale={{ emptyText: t('accounts.empty') }}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => t('accounts.total', { total }),
        onChange: onPageChange,
      }}
    />
  );
}
