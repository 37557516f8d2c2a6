import { useState } from 'react';
import { App, Button, Form, Input } from 'antd';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { changePassword } from '../api/auth-api';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

const API_FIELDS = ['currentPassword', 'newPassword'] as const;

/**
 * Current, new and confirmation. The policy itself is the server's (it is configurable),
 * so the form shows the hint and puts the server's reasons on the new-password field.
 */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const applyErrors = useApiFieldErrors();
  const [saving, setSaving] = useState(false);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      form.resetFields();
      message.success(t('password.changed'));
      onChanged();
    } catch (err) {
      const rest = applyErrors(form, err, API_FIELDS);
      if (rest) message.error(rest);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={(values) => void submit(values)} style={{ maxWidth: 420 }}>
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.policy')}
        dependencies={['currentPassword']}
        rules={[
          { required: true, message: t('password.newRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              value && value === getFieldValue('currentPassword')
                ? Promise.reject(new Error(t('password.sameAsCurrent')))
                : Promise.resolve(),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('password.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
