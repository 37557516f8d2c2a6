import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../i18n';
import { useCan, useMe } from '../modules/auth/hooks/useSession';
import { useErrorMessage } from '../modules/common/hooks/useErrorMessage';
import { useWindowHeight } from '../modules/common/hooks/useWindowHeight';
import { endSessions, issueResetLink, resetSecondFactor, revokePost, setAccountEnabled } from '../modules/accounts/api/accounts-api';
import { AccountOrgTree } from '../modules/accounts/components/AccountOrgTree';
import { AccountTable, type AccountAction } from '../modules/accounts/components/AccountTable';
import { CreateAccountModal } from '../modules/accounts/components/CreateAccountModal';
import { CredentialGrantModal } from '../modules/accounts/components/CredentialGrantModal';
import { GrantPostModal } from '../modules/accounts/components/GrantPostModal';
import { ReasonModal } from '../modules/accounts/components/ReasonModal';
import { useAccounts } from '../modules/accounts/hooks/useAccounts';
import type { AccountStatus, CredentialGrant } from '../modules/accounts/types/account';

const STATUSES: AccountStatus[] = ['pending', 'active', 'disabled'];

/**
 * 账号管理 for the system administrator (accounts, activation and reset links) and the security
 * administrator (posts and sessions), within the post's scope. No password is ever set or shown.
 */
export default function AccountsPage() {
  const t = useT();
  const can = useCan();
  const me = useMe();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const height = useWindowHeight();
  const [orgId, setOrgId] = useState<number | null>(null);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<AccountStatus | undefined>(undefined);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [action, setAction] = useState<AccountAction | null>(null);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<{ username: string; grant: CredentialGrant } | null>(null);
  const accounts = useAccounts({ q: q || undefined, status, orgId: orgId ?? undefined, ...paging });

  const intro = can('user.manage') && can('post.manage') ? 'accounts.intro.both' : can('user.manage') ? 'accounts.intro.system' : 'accounts.intro.security';
  const done = (text: string) => {
    message.success(text);
    setAction(null);
    accounts.reload();
  };

  const onAction = async (next: AccountAction) => {
    if (next.kind !== 'resetLink') {
      setAction(next);
      return;
    }
    try {
      setShown({ username: next.account.username, grant: await issueResetLink(next.account.id) });
      accounts.reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const name = (a: { displayName: string; username: string }) => `${a.displayName}（${a.username}）`;

  return (
    <Card size="small" title={t('accounts.title')}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t(intro)}</Typography.Text>
        <Flex gap={16} align="start">
          <div style={{ width: 260, flex: 'none', borderRight: '1px solid rgba(5,5,5,0.06)', paddingRight: 8 }}>
            <Typography.Text strong>{t('accounts.orgTree')}</Typography.Text>
            <AccountOrgTree
              selectedId={orgId}
              onSelect={(id) => {
                setOrgId(id);
                setPaging((prev) => ({ ...prev, page: 1 }));
              }}
              height={Math.max(height - 300, 300)}
            />
          </div>
          <Flex vertical gap={12} style={{ flex: 1, minWidth: 0 }}>
            <Flex gap={8} wrap>
              <Input.Search
                allowClear
                placeholder={t('accounts.search')}
                aria-label={t('accounts.search')}
                style={{ width: 240 }}
                onSearch={(value) => {
                  setQ(value.trim());
                  setPaging((prev) => ({ ...prev, page: 1 }));
                }}
              />
              <Select<AccountStatus>
                allowClear
                placeholder={t('accounts.statusFilter')}
                aria-label={t('accounts.statusFilter')}
                style={{ width: 140 }}
                value={status}
                onChange={(value) => {
                  setStatus(value);
                  setPaging((prev) => ({ ...prev, page: 1 }));
                }}
                options={STATUSES.map((s) => ({ value: s, label: t(`accounts.status.${s}`) }))}
              />
              <div style={{ flex: 1 }} />
              {can('user.manage') && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  {t('accounts.create')}
                </Button>
              )}
            </Flex>
            {accounts.error !== null && (
              <Alert
                type="error"
                showIcon
                title={errorMessage(accounts.error)}
                action={<Button size="small" onClick={accounts.reload}>{t('common.retry')}</Button>}
              />
            )}
            <AccountTable
              data={accounts.data}
              loading={accounts.loading}
              page={paging.page}
              pageSize={paging.pageSize}
              onPageChange={(page, pageSize) => setPaging({ page, pageSize })}
              onAction={(next) => void onAction(next)}
              selfId={me.user.id}
            />
          </Flex>
        </Flex>
      </Flex>

      {creating && (
        <CreateAccountModal
          defaultOrgId={orgId}
          onClose={() => setCreating(false)}
          onCreated={(username, grant) => {
            setCreating(false);
            setShown({ username, grant });
            accounts.reload();
          }}
        />
      )}
      {shown && <CredentialGrantModal username={shown.username} grant={shown.grant} onClose={() => setShown(null)} />}
      {action?.kind === 'grant' && <GrantPostModal account={action.account} onClose={() => setAction(null)} onGranted={() => done(t('accounts.done.granted'))} />}
      {(action?.kind === 'disable' || action?.kind === 'enable') && (
        <ReasonModal
          title={t(action.kind === 'disable' ? 'accounts.confirm.disable' : 'accounts.confirm.enable', { name: name(action.account) })}
          hint={t(action.kind === 'disable' ? 'accounts.disableHint' : 'accounts.enableHint')}
          okText={t(action.kind === 'disable' ? 'accounts.action.disable' : 'accounts.action.enable')}
          danger={action.kind === 'disable'}
          onClose={() => setAction(null)}
          onConfirm={async (reason) => {
            await setAccountEnabled(action.account.id, action.kind === 'enable', reason);
            done(t(action.kind === 'disable' ? 'accounts.done.disabled' : 'accounts.done.enabled', { name: name(action.account) }));
          }}
        />
      )}
      {action?.kind === 'endSessions' && (
        <ReasonModal
          title={t('accounts.confirm.endSessions', { name: name(action.account) })}
          hint={t('accounts.endSessionsHint')}
          okText={t('accounts.action.endSessions')}
          danger
          onClose={() => setAction(null)}
          onConfirm={async (reason) => {
            const { ended } = await endSessions(action.account.id, reason);
            done(t('accounts.done.endedSessions', { count: ended }));
          }}
        />
      )}
      {action?.kind === 'resetSecondFactor' && (
        <ReasonModal
          title={t('accounts.confirm.resetSecondFactor', { name: name(action.account) })}
          hint={t('accounts.resetSecondFactorHint')}
          okText={t('accounts.action.resetSecondFactor')}
          danger
          onClose={() => setAction(null)}
          onConfirm={async (reason) => {
            const { ended } = await resetSecondFactor(action.account.id, reason);
            done(t('accounts.done.resetSecondFactor', { count: ended }));
          }}
        />
      )}
      {action?.kind === 'revoke' && (
        <ReasonModal
          title={t('accounts.confirm.revoke', { name: name(action.account), post: `${action.post.orgName} · ${action.post.roleName}` })}
          hint={t('accounts.revokeHint')}
          okText={t('accounts.action.revoke')}
          danger
          onClose={() => setAction(null)}
          onConfirm={async (reason) => {
            await revokePost(action.post.id, reason);
            done(t('accounts.done.revoked'));
          }}
        />
      )}
    </Card>
  );
}
