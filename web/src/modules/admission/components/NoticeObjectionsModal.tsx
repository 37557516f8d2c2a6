import { useState } from 'react';
import { Alert, App, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { updateObjections } from '../api/admission-api';
import { useAdmissionMeta } from '../hooks/useAdmissionMeta';
import type { AdmissionNotice } from '../types/admission';

type Values = { objections?: string; objectionsResolved: boolean };

type Props = {
  notice: AdmissionNotice;
  onClose: () => void;
  onSaved: () => void;
};

/**
 * Objections raised while a notice ran, or that they were looked into and answered. Open
 * objections keep the step after the notice blocked.
 */
export function NoticeObjectionsModal({ notice, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const applyErrors = useApiFieldErrors();
  const { noticeName } = useAdmissionMeta();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setSaving(true);
    setRefusal(null);
    try {
      const objections = values.objections?.trim() || null;
      const saved = await updateObjections(notice.id, objections, values.objectionsResolved);
      message.success(saved.objectionsResolved ? t('admission.objections.savedResolved') : t('admission.objections.savedOpen'));
      onSaved();
    } catch (err) {
      setRefusal(applyErrors(form, err, ['objections', 'objectionsResolved']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('admission.objections.title', { notice: noticeName(notice.kind) })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('admission.objections.hint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ objections: notice.objections ?? '', objectionsResolved: notice.objectionsResolved && notice.objections !== null }}
        onValuesChange={() => setRefusal(null)}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="objections" label={t('admission.field.objections')}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('admission.objections.placeholder')} />
        </Form.Item>
        <Form.Item name="objectionsResolved" valuePropName="checked">
          <Checkbox>{t('admission.field.objectionsResolved')}</Checkbox>
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} />}
    </Modal>
  );
}
