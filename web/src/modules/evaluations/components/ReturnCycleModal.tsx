import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { decideCycle } from '../api/evaluation-api';
import type { EvaluationCycleDetail } from '../types/evaluation';

type Props = {
  cycle: EvaluationCycleDetail;
  onClose: () => void;
  onReturned: (cycle: EvaluationCycleDetail) => void;
};

/** 退回: the branch gets its cycle back to correct, with the reason it is told. */
export function ReturnCycleModal({ cycle, onClose, onReturned }: Props) {
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
      const updated = await decideCycle(cycle.id, 'return', reason.trim());
      message.success(t('evaluation.decision.returned', { name: cycle.orgName }));
      onReturned(updated);
    } catch (err) {
      setRefusal(applyErrors(form, err, ['reason']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('evaluation.decision.returnTitle', { name: cycle.orgName, year: cycle.year })}
      okText={t('evaluation.decision.return')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onValuesChange={() => setRefusal(null)} onFinish={(values) => void submit(values)}>
        <Form.Item
          name="reason"
          label={t('evaluation.field.returnReason')}
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
