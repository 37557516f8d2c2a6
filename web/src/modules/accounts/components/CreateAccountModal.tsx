import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { createAccount } from '../api/accounts-api';
import type { CredentialGrant } from '../types/account';
import { AccountOrgSelect } from './AccountOrgSelect';

type Values = { username: string; displayName: string; orgId: number | undefined };
const API_FIELDS = ['username', 'displayName', 'orgId'] as const;

type Props = { defaultOrgId: number | null; onClose: () => void; onCreated: (username: string, grant: CredentialGrant) => void };

/** 新建账号: a name and an organization, never a password; the holder activates it with a one-time link. */
export function CreateAccountModal({ defaultOrgId, onClose, onCreated }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const applyErrors = useApiFieldErrors();
  const [saving, setSaving] = useState(false);

  const submit = async (values: Values) => {
    if (values.orgId === undefined) return;
    setSaving(true);
    try {
      const created = await createAccount({ username: values.username.trim(), displayName: values.displayName.trim(), orgId: values.orgId });
      message.success(t('accounts.done.created', { name: created.username }));
      onCreated(created.username, created.activation);
    } catch (err) {
      const rest = applyErrors(form, err, API_FIELDS);
      if (rest) message.error(rest);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('accounts.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ orgId: defaultOrgId ?? undefined }}
        onFinish={(values) => void submit(values)}
        requiredMark
        autoComplete="off"
      >
        <Form.Item name="username" label={t('accounts.field.username')} rules={[{ required: true, whitespace: true, message: t('accounts.required.username') }]}>
          <Input maxLength={40} placeholder={t('accounts.placeholder.username')} autoFocus />
        </Form.Item>
        <Form.Item name="displayName" label={t('accounts.field.displayName')} rules={[{ required: true, whitespace: true, message: t('accounts.required.displayName') }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="orgId" label={t('accounts.field.org')} rules={[{ required: true, message: t('accounts.required.org') }]}>
          <AccountOrgSelect />
        </Form.Item>
      </Form>
      <Alert type="info" showIcon title={t('accounts.createHint')} />
    </Modal>
  );
}
