import { useEffect, useState } from 'react';
import { Alert, App, Form, Modal, Select } from 'antd';
import { useBilingual, useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { fetchRoles, grantPost } from '../api/accounts-api';
import type { Account, RoleOption } from '../types/account';
import { AccountOrgSelect } from './AccountOrgSelect';

type Values = { orgId: number | undefined; roleCode: string | undefined; scope: string };
const API_FIELDS = ['orgId', 'roleCode', 'scope'] as const;
const SCOPES = ['default', 'all', 'subtree', 'self_org', 'self'] as const;

type Props = { account: Account; onClose: () => void; onGranted: () => void };

/** 任职: an organization, a role and the data scope that goes with it. */
export function GrantPostModal({ account, onClose, onGranted }: Props) {
  const t = useT();
  const bilingual = useBilingual();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const applyErrors = useApiFieldErrors();
  const [roles, setRoles] = useState<RoleOption[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    fetchRoles().then(setRoles, (err: unknown) => message.error(errorMessage(err)));
  }, [message, errorMessage]);

  const submit = async (values: Values) => {
    if (values.orgId === undefined || values.roleCode === undefined) return;
    setSaving(true);
    try {
      await grantPost(account.id, { orgId: values.orgId, roleCode: values.roleCode, ...(values.scope === 'default' ? {} : { scope: values.scope }) });
      onGranted();
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
      title={`${t('accounts.action.grant')} · ${account.displayName}（${account.username}）`}
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
        initialValues={{ orgId: account.orgId ?? undefined, scope: 'default' }}
        onFinish={(values) => void submit(values)}
        requiredMark
        autoComplete="off"
      >
        <Form.Item name="orgId" label={t('accounts.field.postOrg')} rules={[{ required: true, message: t('accounts.required.org') }]}>
          <AccountOrgSelect />
        </Form.Item>
        <Form.Item name="roleCode" label={t('accounts.field.role')} rules={[{ required: true, message: t('accounts.required.role') }]}>
          <Select
            options={roles.map((role) => ({ value: role.code, label: bilingual({ zh: role.name, en: role.nameEn }) }))}
            placeholder={t('accounts.required.role')}
          />
        </Form.Item>
        <Form.Item name="scope" label={t('accounts.field.scope')}>
          <Select options={SCOPES.map((scope) => ({ value: scope, label: t(`accounts.scope.${scope}`) }))} />
        </Form.Item>
      </Form>
      <Alert type="info" showIcon title={t('accounts.grantHint')} />
    </Modal>
  );
}
