import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { isApiError } from '../../../api/client';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { useSession } from '../hooks/useSession';
import type { SecondFactorChallenge } from '../types/me';
import { SecondFactorStep } from './SecondFactorStep';

type Values = { username: string; password: string };

/**
 * Username and password; a lockout (423) or rate limit (429) says how long to wait. Administrators
 * and provincial and city cadres go on to the one-time code. On success the session changes and
 * the login page redirects by itself.
 */
export function LoginForm() {
  const t = useT();
  const { login } = useSession();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [challenge, setChallenge] = useState<SecondFactorChallenge | null>(null);

  const describe = (err: unknown): string => {
    if (isApiError(err) && err.status === 423 && err.retryAfterSeconds !== undefined) {
      return t('auth.locked', { minutes: Math.max(1, Math.ceil(err.retryAfterSeconds / 60)) });
    }
    if (isApiError(err) && err.status === 429) {
      return err.retryAfterSeconds !== undefined
        ? t('auth.rateLimited', { seconds: Math.max(1, Math.ceil(err.retryAfterSeconds)) })
        : t('auth.rateLimitedNoTime');
    }
    return errorMessage(err);
  };

  const submit = async ({ username, password }: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      const answer = await login(username.trim(), password);
      if ('secondFactor' in answer) setChallenge(answer);
    } catch (err) {
      setError(err);
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  if (challenge) {
    return (
      <SecondFactorStep
        challenge={challenge}
        onRestart={() => {
          setChallenge(null);
          form.setFieldValue('password', '');
        }}
      />
    );
  }

  return (
    <Form<Values> form={form} layout="vertical" size="large" onFinish={(values) => void submit(values)} requiredMark={false}>
      {error !== null && (
        <Alert
          type={isApiError(error) && (error.status === 423 || error.status === 429) ? 'warning' : 'error'}
          showIcon
          title={describe(error)}
          style={{ marginBottom: 16 }}
          role="alert"
        />
      )}
      <Form.Item
        name="username"
        label={t('auth.username')}
        rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={64} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.password')}
        rules={[{ required: true, message: t('auth.passwordRequired') }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={128} />
      </Form.Item>
      <Form.Item style={{ marginBottom: 8 }}>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t('auth.login')}
        </Button>
      </Form.Item>
    </Form>
  );
}
