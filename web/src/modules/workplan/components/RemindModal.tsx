import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useT } from '../../../i18n';
import { addRemark } from '../api/task-api';
import { usePlaceFieldErrors } from '../hooks/usePlaceFieldErrors';

type Props = {
  taskId: number;
  taskTitle: string;
  org: { id: number; name: string };
  onClose: () => void;
  onSent: () => void;
};

/** 督办提醒 to an organization the task was assigned to; its next report on the task answers it. */
export function RemindModal({ taskId, taskTitle, org, onClose, onSent }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const placeErrors = usePlaceFieldErrors();
  const [form] = Form.useForm<{ text: string }>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async ({ text }: { text: string }) => {
    setSaving(true);
    setRefusal(null);
    try {
      await addRemark(taskId, { kind: 'reminder', orgId: org.id, text: text.trim() });
      message.success(t('workplan.remind.sent', { org: org.name }));
      onSent();
    } catch (err) {
      setRefusal(placeErrors(form, err, (field) => (field === 'text' ? 'text' : null)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('workplan.remind.title', { org: org.name })}
      okText={t('workplan.remind.send')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form name="wpRemind" form={form} layout="vertical" initialValues={{ text: t('workplan.remind.default', { task: taskTitle }) }} onFinish={(values) => void submit(values)}>
        <Form.Item name="text" label={t('workplan.remind.text')} extra={t('workplan.remind.hint')} rules={[{ required: true, whitespace: true, message: t('workplan.remind.textRequired') }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} />}
    </Modal>
  );
}
