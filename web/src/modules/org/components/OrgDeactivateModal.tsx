import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { deactivateOrg } from '../api/org-api';
import type { Org } from '../types/org';

type Props = {
  target: { id: number; name: string };
  onClose: () => void;
  onDone: (org: Org) => void;
};

/** 停用组织, with the reason the audit log keeps. */
export function OrgDeactivateModal({ target, onClose, onDone }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const applyErrors = useApiFieldErrors();
  const [saving, setSaving] = useState(false);

  const submit = async ({ reason }: { reason: string }) => {
    setSaving(true);
    try {
      const org = await deactivateOrg(target.id, reason.trim());
      message.success(t('org.deactivated', { name: org.name }));
      onDone(org);
    } catch (err) {
      const rest = applyErrors(form, err, ['reason']);
      if (rest) message.error(rest);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`${t('org.deactivateTitle')}：${target.name}`}
      okText={t('org.deactivate')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('org.deactivateHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="reason"
          label={t('org.field.deactivationReason')}
          rules={[{ required: true, whitespace: true, message: t('org.required.reason') }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('org.reasonPlaceholder')} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
