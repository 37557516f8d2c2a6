import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, QRCode, Spin, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import * as authApi from '../api/auth-api';
import { useSession } from '../hooks/useSession';
import type { SecondFactorChallenge, SecondFactorSeed } from '../types/me';

type Values = { code: string };

/** The setup key in groups of four, as authenticator apps print it. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * The step after a correct password for administrators and provincial and city cadres: the
 * 6-digit code of their authenticator app, and on the first sign-in the QR code that sets it up.
 * A wrong, reused or late code says so; "back" starts the sign-in over.
 */
export function SecondFactorStep({ challenge, onRestart }: { challenge: SecondFactorChallenge; onRestart: () => void }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { verifySecondFactor } = useSession();
  const [form] = Form.useForm<Values>();
  const [seed, setSeed] = useState<SecondFactorSeed | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const enrolling = challenge.secondFactor === 'enroll';

  useEffect(() => {
    if (!enrolling) return;
    authApi.secondFactorSeed(challenge.challenge).then(setSeed, setError);
  }, [challenge.challenge, enrolling]);

  const submit = async ({ code }: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      await verifySecondFactor(challenge.challenge, code.trim());
    } catch (err) {
      setError(err);
      form.setFieldValue('code', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="tw-second-factor">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        <SafetyCertificateOutlined /> {enrolling ? t('secondFactor.enrollTitle') : t('secondFactor.verifyTitle')}
      </Typography.Title>
      {enrolling ? (
        <>
          <Typography.Paragraph>{t('secondFactor.enrollIntro')}</Typography.Paragraph>
          <ol className="tw-second-factor-steps">
            <li>{t('secondFactor.enrollStep1')}</li>
            <li>{t('secondFactor.enrollStep2')}</li>
          </ol>
          {seed ? (
            <div className="tw-second-factor-seed">
              <QRCode value={seed.uri} size={168} bordered={false} />
              <div>
                <Typography.Text type="secondary">{t('secondFactor.account', { username: seed.username })}</Typography.Text>
                <Typography.Paragraph style={{ margin: '8px 0 4px' }}>{t('secondFactor.manualKey')}</Typography.Paragraph>
                <Typography.Text code copyable={{ text: seed.secret }} data-testid="second-factor-key">
                  {grouped(seed.secret)}
                </Typography.Text>
              </div>
            </div>
          ) : (
            error === null && <Spin />
          )}
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('secondFactor.keepSecret')}</Typography.Paragraph>
          <ol className="tw-second-factor-steps" start={3}>
            <li>{t('secondFactor.enrollStep3')}</li>
          </ol>
        </>
      ) : (
        <Typography.Paragraph>{t('secondFactor.verifyHint')}</Typography.Paragraph>
      )}
      <Form<Values> form={form} layout="vertical" size="large" onFinish={(values) => void submit(values)} requiredMark={false}>
        {error !== null && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} role="alert" />}
        <Form.Item
          name="code"
          label={t('secondFactor.code')}
          rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('secondFactor.codeRequired') }]}
          extra={t('secondFactor.expiresAt', { time: dayjs(challenge.expiresAt).format('HH:mm') })}
        >
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus style={{ letterSpacing: '0.3em' }} />
        </Form.Item>
        <Form.Item style={{ marginBottom: 8 }}>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('secondFactor.submit')}
          </Button>
        </Form.Item>
        <Button type="link" block onClick={onRestart}>
          {t('secondFactor.back')}
        </Button>
      </Form>
    </div>
  );
}
