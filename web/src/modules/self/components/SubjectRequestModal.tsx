import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Radio, Select } from 'antd';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { createSubjectRequest } from '../api/my-privacy-api';
import { CORRECTABLE_FIELDS, SUBJECT_REQUEST_REASONS, type NewSubjectRequest } from '../types/subject-request';
import { fieldLabel, reasonLabel } from '../utils/subject-request-labels';

type Mode = 'correction' | 'deletion';
const FORM_FIELDS = ['kind', 'requesterKind', 'field', 'proposedValue', 'reasonCode', 'note'] as const;

/** 申请更正 or 申请删除/限制处理: one form, the fields of the chosen kind. */
export function SubjectRequestModal({ mode, open, onClose, onCreated }: { mode: Mode; open: boolean; onClose: () => void; onCreated: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewSubjectRequest>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const placeErrors = useApiFieldErrors();

  useEffect(() => {
    if (open) {
      form.resetFields();
      setProblem(null);
    }
  }, [open, form]);

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setProblem(null);
    try {
      await createSubjectRequest({ ...values, kind: mode === 'correction' ? 'correction' : values.kind, note: values.note ?? '' });
      message.success(t('privacy.form.submitted'));
      onCreated();
      onClose();
    } catch (error) {
      setProblem(placeErrors(form, error, FORM_FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t(mode === 'correction' ? 'privacy.form.correctionTitle' : 'privacy.form.deletionTitle')}
      okText={t('privacy.form.submit')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ requesterKind: 'self', kind: 'deletion' }}>
        <Form.Item name="requesterKind" label={t('privacy.form.requester')} extra={t('privacy.card.minorHint')}>
          <Radio.Group
            options={[
              { value: 'self', label: t('privacy.requester.self') },
              { value: 'guardian', label: t('privacy.requester.guardian') },
            ]}
          />
        </Form.Item>
        {mode === 'correction' ? (
          <>
            <Form.Item name="field" label={t('privacy.form.field')} rules={[{ required: true, message: t('privacy.form.fieldRequired') }]}>
              <Select options={CORRECTABLE_FIELDS.map((f) => ({ value: f, label: t(fieldLabel(f)) }))} />
            </Form.Item>
            <Form.Item
              name="proposedValue"
              label={t('privacy.form.proposedValue')}
              extra={t('privacy.form.proposedHint')}
              rules={[{ required: true, whitespace: true, message: t('privacy.form.proposedRequired') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="kind" label={t('privacy.form.kind')}>
              <Radio.Group
                options={[
                  { value: 'deletion', label: t('privacy.kind.deletion') },
                  { value: 'restriction', label: t('privacy.kind.restriction') },
                ]}
              />
            </Form.Item>
            <Form.Item name="reasonCode" label={t('privacy.form.reason')} rules={[{ required: true, message: t('privacy.form.reasonRequired') }]}>
              <Select options={SUBJECT_REQUEST_REASONS.map((r) => ({ value: r, label: t(reasonLabel(r)) }))} />
            </Form.Item>
            <Alert type="info" showIcon title={t('privacy.form.deletionHint')} style={{ marginBottom: 16 }} />
          </>
        )}
        <Form.Item name="note" label={t('privacy.form.note')}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('privacy.form.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
