import { useState } from 'react';
import { Alert, App, DatePicker, Descriptions, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { changeRule } from '../api/rules-api';
import { useRuleText } from '../hooks/useRuleText';
import type { Rule } from '../types/rule';

type Values = { value: number | null; source: string; effectiveFrom: Dayjs | null; reason: string };

/** Form item names are the API's field names, so that the server's field errors land on them. */
const API_FIELDS = ['value', 'source', 'effectiveFrom', 'reason'] as const;

type Props = {
  rule: Rule;
  onClose: () => void;
  onChanged: () => void;
};

/**
 * 调整规则参数: a new value with its source, the date it applies from and why. The bounds (positive,
 * whole where the default is whole, at most a hundred times the default) are the server's to
 * check: its field errors appear under the fields.
 */
export function RuleChangeModal({ rule, onClose, onChanged }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const applyErrors = useApiFieldErrors();
  const { amount, description, unit } = useRuleText();
  const [saving, setSaving] = useState(false);
  const name = description(rule.description);

  const submit = async (values: Values) => {
    // The required rules below have already refused empty boxes.
    if (values.value === null || values.effectiveFrom === null) return;
    setSaving(true);
    try {
      await changeRule(rule.key, {
        value: values.value,
        source: values.source.trim(),
        effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'),
        reason: values.reason.trim(),
      });
      message.success(t('rules.changed', { name }));
      onChanged();
    } catch (err) {
      const rest = applyErrors(form, err, API_FIELDS);
      if (rest) message.error(rest);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('rules.changeTitle', { name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={600}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'key', label: t('rules.col.key'), children: <span className="tw-mono">{rule.key}</span> },
          { key: 'value', label: t('rules.col.value'), children: amount(rule.value, rule.unit) },
          { key: 'default', label: t('rules.col.default'), children: amount(rule.defaultValue, rule.unit) },
        ]}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ value: rule.value, effectiveFrom: dayjs() }}
        onFinish={(values) => void submit(values)}
        requiredMark
        autoComplete="off"
      >
        <Form.Item
          name="value"
          label={t('rules.field.value')}
          rules={[{ required: true, message: t('rules.required.value') }]}
        >
          <InputNumber style={{ width: '100%' }} suffix={unit(rule.unit)} autoFocus />
        </Form.Item>
        <Form.Item
          name="source"
          label={t('rules.field.source')}
          rules={[{ required: true, whitespace: true, message: t('rules.required.source') }]}
        >
          <Input.TextArea rows={2} maxLength={300} showCount placeholder={t('rules.placeholder.source')} />
        </Form.Item>
        <Form.Item
          name="effectiveFrom"
          label={t('rules.field.effectiveFrom')}
          rules={[{ required: true, message: t('rules.required.effectiveFrom') }]}
          extra={t('rules.effectiveHint')}
        >
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('rules.field.reason')}
          rules={[{ required: true, whitespace: true, message: t('rules.required.reason') }]}
        >
          <Input.TextArea rows={2} maxLength={300} showCount placeholder={t('rules.placeholder.reason')} />
        </Form.Item>
      </Form>
      <Alert type="info" showIcon title={t('rules.auditNote')} />
    </Modal>
  );
}
