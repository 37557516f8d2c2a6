import { useState } from 'react';
import { Alert, App, Descriptions, Form, InputNumber, Modal } from 'antd';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { setQuota } from '../api/admission-api';
import type { PlanRow } from '../types/admission';

type Props = {
  year: number;
  row: PlanRow;
  onClose: () => void;
  onSaved: () => void;
};

/**
 * 下达发展计划: an organization's quota for the year, set by the committee above it. The server
 * refuses a quota below what was admitted or given to the children, or beyond the parent's own.
 */
export function QuotaModal({ year, row, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ quota: number | null }>();
  const applyErrors = useApiFieldErrors();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async ({ quota }: { quota: number | null }) => {
    if (quota === null) return;
    setSaving(true);
    setRefusal(null);
    try {
      await setQuota(year, row.orgId, quota);
      message.success(t('admission.quota.done', { name: row.name, year, quota }));
      onSaved();
    } catch (err) {
      setRefusal(applyErrors(form, err, ['quota']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('admission.quota.title', { name: row.name, year })}
      okText={t('admission.quota.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'quota', label: t('admission.plan.col.quota'), children: row.quota ?? t('admission.plan.notSet') },
          { key: 'issued', label: t('admission.plan.col.issued'), children: row.issued },
          { key: 'children', label: t('admission.plan.col.childrenQuota'), children: row.childrenQuota },
        ]}
      />
      <Form form={form} layout="vertical" initialValues={{ quota: row.quota }} onValuesChange={() => setRefusal(null)} onFinish={(values) => void submit(values)}>
        <Form.Item
          name="quota"
          label={t('admission.quota.field', { year })}
          rules={[{ required: true, message: t('admission.required.quota') }]}
          extra={t('admission.quota.hint', { floor: Math.max(row.issued, row.childrenQuota) })}
        >
          <InputNumber min={0} max={10_000_000} precision={0} suffix={t('admission.people')} style={{ width: 220 }} />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} />}
    </Modal>
  );
}
