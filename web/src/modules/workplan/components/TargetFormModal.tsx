import { useState } from 'react';
import { Alert, App, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useBilingual, useT } from '../../../i18n';
import { addTarget, updateTarget } from '../api/task-api';
import { usePlaceFieldErrors } from '../hooks/usePlaceFieldErrors';
import { useWorkplanMeta } from '../hooks/useWorkplanMeta';
import type { Comparator, Target, TargetInput } from '../types/workplan';

type Values = { label: string; comparator: Comparator; value: number; unit: string; weight: number; metricKey?: string; confirmed: boolean };

const FIELDS = ['label', 'comparator', 'value', 'unit', 'weight', 'metricKey', 'confirmed'];

type Props = {
  taskId: number;
  /** The target to edit; none to add one by hand. */
  target: Target | null;
  onClose: () => void;
  onSaved: () => void;
};

/**
 * 新增 or 修改指标: name, comparison, value and unit, weight, and optionally a 数据指标 the system
 * computes (a rate only binds to a rate, a count to a count), so nobody types that figure in.
 */
export function TargetFormModal({ taskId, target, onClose, onSaved }: Props) {
  const t = useT();
  const bilingual = useBilingual();
  const { message } = App.useApp();
  const { meta } = useWorkplanMeta();
  const placeErrors = usePlaceFieldErrors();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const unit = Form.useWatch('unit', form) ?? target?.unit ?? '';
  const metrics = (meta?.metrics ?? []).filter((m) => !unit || (m.unit === '%') === (unit.trim() === '%'));

  const submit = async (values: Values) => {
    setSaving(true);
    setRefusal(null);
    const input: TargetInput = {
      label: values.label.trim(),
      comparator: values.comparator,
      value: values.value,
      unit: values.unit.trim(),
      weight: values.weight,
      metricKey: values.metricKey ?? null,
      confirmed: values.confirmed,
    };
    try {
      if (target) await updateTarget(target.id, { ...input, confirmed: undefined });
      else await addTarget(taskId, input);
      message.success(t(target ? 'workplan.target.saved' : 'workplan.target.added', { label: input.label }));
      onSaved();
    } catch (err) {
      setRefusal(placeErrors(form, err, (field) => (FIELDS.includes(field) ? field : null)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t(target ? 'workplan.target.editTitle' : 'workplan.target.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form<Values>
        name="wpTarget"
        form={form}
        layout="vertical"
        autoComplete="off"
        initialValues={
          target
            ? { label: target.label, comparator: target.comparator, value: target.value, unit: target.unit, weight: target.weight, metricKey: target.metricKey ?? undefined, confirmed: true }
            : { comparator: '>=', weight: 1, confirmed: true }
        }
        onValuesChange={(changed: Partial<Values>) => {
          setRefusal(null);
          const picked = changed.metricKey ? meta?.metrics.find((m) => m.key === changed.metricKey) : undefined;
          if (picked && !form.getFieldValue('unit')) form.setFieldValue('unit', picked.unit);
        }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="label" label={t('workplan.target.label')} rules={[{ required: true, whitespace: true, message: t('workplan.target.labelRequired') }]}>
          <Input maxLength={200} placeholder={t('workplan.target.labelPlaceholder')} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="comparator" label={t('workplan.target.comparator')} rules={[{ required: true }]}>
              <Select options={(meta?.comparators ?? []).map((c) => ({ value: c.code, label: bilingual(c) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="value" label={t('workplan.target.value')} rules={[{ required: true, message: t('workplan.target.valueRequired') }]}>
              <InputNumber min={0} max={1e12} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="unit" label={t('workplan.target.unit')} rules={[{ required: true, whitespace: true, message: t('workplan.target.unitRequired') }]}>
              <Input maxLength={20} placeholder={t('workplan.target.unitPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={16}>
            <Form.Item name="metricKey" label={t('workplan.target.metric')} extra={t('workplan.target.metricHint')}>
              <Select
                allowClear
                placeholder={t('workplan.target.noMetric')}
                options={metrics.map((m) => ({ value: m.key, label: `${bilingual(m)}（${m.unit}）` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="weight" label={t('workplan.target.weight')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {!target && (
          <Form.Item name="confirmed" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox>{t('workplan.target.confirmNow')}</Checkbox>
          </Form.Item>
        )}
      </Form>
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
