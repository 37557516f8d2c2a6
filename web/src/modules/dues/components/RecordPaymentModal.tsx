import { useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Radio, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { isApiError } from '../../../api/client';
import { useBilingual, useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { todayInChina } from '../../common/utils/today-in-china';
import { recordPayments } from '../api/dues-api';
import { useDuesMeta } from '../hooks/useDuesMeta';
import type { DuesListItem } from '../types/dues';
import { formatYuan, yuanToFen } from '../utils/money';
import { paymentTotalFen, suggestedMonths } from '../utils/payment-total';
import { renameApiFields } from '../utils/rename-api-fields';
import { SelectedMembersNote } from './SelectedMembersNote';

type Values = { months: number | null; method: string; receiptNo: string; paidOn: Dayjs | null; extraYuan?: number | null; note?: string };

/** The extra is typed in 元; the API's errors about `extraFen` belong to that box. */
const FIELD_NAMES = { extraFen: 'extraYuan' };
const FORM_FIELDS = ['months', 'method', 'receiptNo', 'paidOn', 'extraYuan', 'note'] as const;

// The server takes a date received from a year ago up to today (China's calendar).
const outsideLastYear = (day: Dayjs) => {
  const today = dayjs(todayInChina());
  return day.isAfter(today, 'day') || day.isBefore(today.subtract(1, 'year'), 'day');
};

type Props = {
  members: DuesListItem[];
  onClose: () => void;
  onRecorded: () => void;
  /** Some members have no assessed amount yet: close this and open 核定团费标准 for the same selection. */
  onAssessFirst: () => void;
};

/**
 * 登记收缴: the ticked members each pay the same number of months, from their own first unpaid
 * month at their own amount, received in cash or by bank transfer under one receipt number.
 */
export function RecordPaymentModal({ members, onClose, onRecorded, onAssessFirst }: Props) {
  const t = useT();
  const bilingual = useBilingual();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const applyErrors = useApiFieldErrors();
  const { meta, error: metaError } = useDuesMeta();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<{ text: string; notAssessed: boolean } | null>(null);
  const months = Form.useWatch('months', form) ?? 0;
  const extraYuan = Form.useWatch('extraYuan', form) ?? 0;
  const total = paymentTotalFen(members, months, yuanToFen(extraYuan));

  const submit = async (values: Values) => {
    if (values.months === null || values.paidOn === null) return;
    setSaving(true);
    setRefusal(null);
    try {
      const result = await recordPayments({
        memberIds: members.map((m) => m.id),
        months: values.months,
        extraFen: values.extraYuan ? yuanToFen(values.extraYuan) : undefined,
        method: values.method,
        receiptNo: values.receiptNo.trim(),
        paidOn: values.paidOn.format('YYYY-MM-DD'),
        note: values.note?.trim() || undefined,
      });
      message.success(t('dues.pay.done', { count: result.payments, amount: formatYuan(result.amountFen) }));
      onRecorded();
    } catch (err) {
      const text = applyErrors(form, renameApiFields(err, FIELD_NAMES), FORM_FIELDS);
      const notAssessed = isApiError(err) && err.fields.some((f) => f.field === 'memberIds' && f.code === 'not_assessed');
      if (text) setRefusal({ text, notAssessed });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('dues.pay.title')}
      okText={t('dues.pay.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={560}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <SelectedMembersNote names={members.map((m) => m.name)} />
      {!meta && (metaError ? <Alert type="error" showIcon title={errorMessage(metaError)} /> : <Skeleton active />)}
      {meta && (
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark
          autoComplete="off"
          initialValues={{
            months: suggestedMonths(members, meta.maxMonthsPerPayment),
            method: meta.methods[0]?.code,
            paidOn: dayjs(todayInChina()),
          }}
          onValuesChange={() => setRefusal(null)}
          onFinish={(values) => void submit(values)}
        >
          <Flex gap={16} wrap>
            <Form.Item
              name="months"
              label={t('dues.field.months')}
              rules={[{ required: true, message: t('dues.required.months') }]}
              extra={t('dues.pay.monthsHint')}
              style={{ flex: '1 1 200px' }}
            >
              <InputNumber min={1} max={meta.maxMonthsPerPayment} precision={0} suffix={t('dues.monthsUnit')} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="extraYuan" label={t('dues.field.extra')} extra={t('dues.pay.extraHint')} style={{ flex: '1 1 200px' }}>
              <InputNumber min={0} max={100_000} precision={2} suffix={t('dues.yuanUnit')} style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          <Form.Item name="method" label={t('dues.field.method')} rules={[{ required: true, message: t('dues.required.method') }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={meta.methods.map((m) => ({ value: m.code, label: bilingual(m) }))}
            />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item
              name="receiptNo"
              label={t('dues.field.receiptNo')}
              rules={[{ required: true, whitespace: true, message: t('dues.required.receiptNo') }]}
              style={{ flex: '1 1 200px' }}
            >
              <Input maxLength={40} placeholder={t('dues.placeholder.receiptNo')} />
            </Form.Item>
            <Form.Item
              name="paidOn"
              label={t('dues.field.paidOn')}
              rules={[{ required: true, message: t('dues.required.paidOn') }]}
              style={{ flex: '1 1 200px' }}
            >
              <DatePicker format="YYYY-MM-DD" disabledDate={outsideLastYear} style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          <Form.Item name="note" label={t('dues.field.note')}>
            <Input.TextArea rows={2} maxLength={300} showCount />
          </Form.Item>
        </Form>
      )}
      <Alert
        type={total === null ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 12 }}
        title={
          total === null ? (
            t('dues.pay.totalUnknown')
          ) : (
            <span>
              {t('dues.pay.total', { count: members.length })}
              <Typography.Text strong data-testid="dues-pay-total">
                {t('dues.yuan', { amount: formatYuan(total) })}
              </Typography.Text>
            </span>
          )
        }
      />
      {refusal && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={refusal.text}
          description={refusal.notAssessed ? t('dues.pay.assessFirst') : undefined}
          action={
            refusal.notAssessed ? (
              <Button size="small" onClick={onAssessFirst}>
                {t('dues.assess.open')}
              </Button>
            ) : undefined
          }
        />
      )}
    </Modal>
  );
}
