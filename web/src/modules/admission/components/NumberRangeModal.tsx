import { useState } from 'react';
import { Alert, App, Form, InputNumber, Modal, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { issueNumberRange } from '../api/admission-api';
import type { PlanRow } from '../types/admission';

type Props = {
  year: number;
  row: PlanRow;
  onClose: () => void;
  onSaved: () => void;
};

/**
 * 下达团员编号号段: the next unused numbers of the nearest range above the organization, so that
 * ranges never overlap and no number is given twice.
 */
export function NumberRangeModal({ year, row, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ size: number | null }>();
  const applyErrors = useApiFieldErrors();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async ({ size }: { size: number | null }) => {
    if (size === null) return;
    setSaving(true);
    setRefusal(null);
    try {
      const range = await issueNumberRange(year, row.orgId, size);
      message.success(t('admission.range.done', { name: row.name, first: range.firstNo, last: range.lastNo }));
      onSaved();
    } catch (err) {
      setRefusal(applyErrors(form, err, ['size']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('admission.range.title', { name: row.name, year })}
      okText={t('admission.range.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('admission.range.hint', { year, numbers: row.numbers, used: row.numbersUsed })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ size: row.quota ?? null }} onValuesChange={() => setRefusal(null)} onFinish={(values) => void submit(values)}>
        <Form.Item name="size" label={t('admission.range.size')} rules={[{ required: true, message: t('admission.required.size') }]}>
          <InputNumber min={1} max={99_999_999} precision={0} suffix={t('admission.numbersUnit')} style={{ width: 220 }} />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} />}
    </Modal>
  );
}
