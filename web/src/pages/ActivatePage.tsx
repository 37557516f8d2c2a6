import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Result, Spin, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../i18n';
import { activate, fetchGrantInfo } from '../modules/accounts/api/accounts-api';
import type { GrantInfo } from '../modules/accounts/types/account';
import { useApiFieldErrors } from '../modules/common/hooks/useApiFieldErrors';
import { useErrorMessage } from '../modules/common/hooks/useErrorMessage';
import { formatTime } from '../modules/common/utils/format-time';
import { SignInShell } from '../modules/auth/components/SignInShell';

type PasswordValues = { newPassword: string; confirm: string };

// The secret of the link this tab opened, kept here once it is out of the address bar, so that a
// remount of the page (the session check finishing) still has it.
let stashedToken: string | null = null;

/** The secret from the link's fragment (never sent to the server in a URL), then dropped from the address bar. */
function takeTokenFromHash(): string | null {
  const fromHash = window.location.hash.replace(/^#/, '').trim();
  if (fromHash) {
    stashedToken = fromHash;
    window.history.replaceState(null, '', window.location.pathname);
  }
  return stashedToken;
}

/**
 * 激活账号 / 重置密码, without signing in: the holder of a one-time link or code chooses their own
 * password under the password policy; the server's reasons appear under the field.
 */
export default function ActivatePage() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const applyErrors = useApiFieldErrors();
  const [token, setToken] = useState<string | null>(() => takeTokenFromHash());
  const [info, setInfo] = useState<GrantInfo | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [checking, setChecking] = useState(false);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);
  const [codeForm] = Form.useForm<{ code: string }>();
  const [form] = Form.useForm<PasswordValues>();

  const check = async (secret: string) => {
    setChecking(true);
    setError(null);
    try {
      setInfo(await fetchGrantInfo(secret));
      setToken(secret);
    } catch (err) {
      stashedToken = null;
      setError(err);
      setToken(null);
    } finally {
      setChecking(false);
    }
  };

  useEffect(() => {
    if (token && !info) void check(token);
    // A second link opened in this tab changes only the fragment: start over with its token.
    const onHashChange = () => {
      const next = takeTokenFromHash();
      if (!next) return;
      setDone(false);
      setInfo(null);
      void check(next);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
    // The token found in the link at first render is checked once; codes are checked on submit.
  }, []);

  const submit = async (values: PasswordValues) => {
    if (!token) return;
    setSaving(true);
    try {
      await activate(token, values.newPassword);
      stashedToken = null;
      setDone(true);
    } catch (err) {
      const rest = applyErrors(form, err, ['newPassword']);
      if (rest) setError(err);
    } finally {
      setSaving(false);
    }
  };

  const body = () => {
    if (done) {
      return (
        <Result
          status="success"
          title={t('activate.done')}
          extra={<Link to="/login"><Button type="primary">{t('activate.toLogin')}</Button></Link>}
        />
      );
    }
    if (checking) return <Spin />;
    if (!info) {
      return (
        <Form form={codeForm} layout="vertical" onFinish={({ code }) => void check(code.trim())} requiredMark={false} autoComplete="off">
          <Typography.Paragraph type="secondary">{t('activate.intro')}</Typography.Paragraph>
          {error !== null && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
          <Form.Item name="code" label={t('activate.code')} rules={[{ required: true, whitespace: true, message: t('activate.required.code') }]}>
            <Input className="tw-mono" placeholder={t('activate.codePlaceholder')} maxLength={64} autoFocus />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>{t('activate.check')}</Button>
        </Form>
      );
    }
    return (
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false} autoComplete="off">
        <Typography.Paragraph>
          <Typography.Text strong>{t('activate.for', { username: info.username, name: info.displayName })}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{t('activate.expires', { time: formatTime(info.expiresAt) })}</Typography.Text>
        </Typography.Paragraph>
        {error !== null && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={info.username} readOnly hidden />
        <Form.Item
          name="newPassword"
          label={t('activate.newPassword')}
          extra={t('password.policy')}
          rules={[{ required: true, message: t('activate.required.password') }]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} autoFocus />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('activate.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('activate.required.password') },
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('activate.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={saving}>{t('activate.submit')}</Button>
        <Button type="link" block onClick={() => { stashedToken = null; setInfo(null); setToken(null); setError(null); }}>{t('activate.otherCode')}</Button>
      </Form>
    );
  };

  return (
    <SignInShell>
      <Card title={t(info?.kind === 'reset' ? 'activate.titleReset' : 'activate.title')}>{body()}</Card>
    </SignInShell>
  );
}
