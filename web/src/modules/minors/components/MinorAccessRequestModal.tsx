import { useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { requestMinorAccess } from '../api/minor-access-api';
import type { MinorAccessRequest, MinorSubjectRef } from '../types/minor-access';

type Props = {
  subject: { ref: MinorSubjectRef; name: string; orgName: string };
  maxHours: number;
  onClose: () => void;
  onSent: (request: MinorAccessRequest) => void;
};
type Values = { reason: string; purpose: string; hours: number };

/** 申请查看未成年人信息: why, for which task, and for how long (at most the rule's hours). */
export function MinorAccessRequestModal({ subject, maxHours, onClose, onSent }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const applyErrors = useApiFieldErrors();
  const [loading, setLoading] = useState(false);

  const submit = async (values: Values) => {
    setLoading(true);
    try {
      const sent = await requestMinorAccess(subject.ref, { reason: values.reason.trim(), purpose: values.purpose.trim(), hours: values.hours });
      message.success(t('minor.request.sent'));
      onSent(sent);
    } catch (err) {
      const rest = applyErrors(form, err, ['reason', 'purpose', 'hours']);
      if (rest) message.error(rest);
    } finally {
      setLoading(false);
    }
  };
  const minTwo = (key: 'minor.required.reason' | 'minor.required.purpose') => ({
    validator: (_: unknown, value?: string) => (!value?.trim() || value.trim().length >= 2 ? Promise.resolve() : Promise.reject(new Error(t(key)))),
  });

  return (
    <Modal
      open
      title={t('minor.request.title')}
      okText={t('minor.request.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Typography.Paragraph strong>{t('minor.request.subject', { name: subject.name, org: subject.orgName })}</Typography.Paragraph>
      <Alert type="warning" showIcon title={t('minor.gate.body')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" initialValues={{ hours: maxHours }} onFinish={(values) => void submit(values)}>
        <Form.Item name="reason" label={t('minor.request.reason')} rules={[{ required: true, whitespace: true, message: t('minor.required.reason') }, minTwo('minor.required.reason')]}>
          <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('minor.request.reasonPlaceholder')} autoFocus />
        </Form.Item>
        <Form.Item name="purpose" label={t('minor.request.purpose')} rules={[{ required: true, whitespace: true, message: t('minor.required.purpose') }, minTwo('minor.required.purpose')]}>
          <Input maxLength={200} placeholder={t('minor.request.purposePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="hours"
          label={t('minor.request.hours')}
          extra={t('minor.request.hoursExtra', { max: maxHours })}
          rules={[{ required: true, type: 'integer', min: 1, max: maxHours, message: t('minor.required.hours', { max: maxHours }) }]}
        >
          <InputNumber min={1} max={maxHours} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
