import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { stopApplicant } from '../api/admission-api';
import type { ApplicantDetail } from '../types/admission';

type Props = {
  applicant: ApplicantDetail;
  onClose: () => void;
  onStopped: (applicant: ApplicantDetail) => void;
};

/** 终止培养: the application ends without admission; the reason stays in the record. */
export function StopApplicantModal({ applicant, onClose, onStopped }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const applyErrors = useApiFieldErrors();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async ({ reason }: { reason: string }) => {
    setSaving(true);
    setRefusal(null);
    try {
      const updated = await stopApplicant(applicant.id, reason.trim());
      message.success(t('admission.stop.done', { name: applicant.name }));
      onStopped(updated);
    } catch (err) {
      setRefusal(applyErrors(form, err, ['reason']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('admission.stop.title', { name: applicant.name })}
      okText={t('admission.stop.submit')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('admission.stop.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onValuesChange={() => setRefusal(null)} onFinish={(values) => void submit(values)}>
        <Form.Item
          name="reason"
          label={t('admission.field.stopReason')}
          rules={[
            { required: true, whitespace: true, message: t('member.required.reason') },
            { validator: (_, value?: string) => (!value?.trim() || value.trim().length >= 2 ? Promise.resolve() : Promise.reject(new Error(t('member.invalid.reason')))) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} />}
    </Modal>
  );
}
