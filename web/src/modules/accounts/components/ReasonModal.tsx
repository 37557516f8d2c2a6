import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';

type Props = {
  title: string;
  hint: string;
  okText: string;
  danger?: boolean;
  /** Does the work; a thrown API error is shown on the form. */
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
};

/** A confirmation that asks why, for actions the audit log records with their reason. */
export function ReasonModal({ title, hint, okText, danger, onConfirm, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const applyErrors = useApiFieldErrors();
  const [saving, setSaving] = useState(false);

  const submit = async ({ reason }: { reason: string }) => {
    setSaving(true);
    try {
      await onConfirm(reason.trim());
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
      title={title}
      okText={okText}
      okButtonProps={{ danger }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Alert type={danger ? 'warning' : 'info'} showIcon title={hint} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} requiredMark autoComplete="off">
        <Form.Item
          name="reason"
          label={t('accounts.field.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('accounts.required.reason') }]}
        >
          <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('accounts.placeholder.reason')} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
