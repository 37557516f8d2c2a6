import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select, Skeleton } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useBilingual, useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { todayInChina } from '../../common/utils/today-in-china';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { assessDues } from '../api/dues-api';
import { useDuesMeta } from '../hooks/useDuesMeta';
import type { DuesListItem } from '../types/dues';
import { formatYuan, yuanToFen } from '../utils/money';
import { renameApiFields } from '../utils/rename-api-fields';
import { sharedCategory } from '../utils/shared-category';
import { SelectedMembersNote } from './SelectedMembersNote';

type Values = { category?: string; incomeYuan?: number | null; fromMonth?: Dayjs | null; reason?: string };

/** The income is typed in 元; the API's errors about `incomeFen` belong to that box. */
const FIELD_NAMES = { incomeFen: 'incomeYuan' };
const FORM_FIELDS = ['category', 'incomeYuan', 'fromMonth', 'reason'] as const;

// Dues can start next month at the latest (the server refuses later months), by China's calendar.
const thisMonth = () => dayjs(todayInChina());
const afterNextMonth = (month: Dayjs) => month.isAfter(thisMonth().add(1, 'month'), 'month');

type Props = {
  members: DuesListItem[];
  onClose: () => void;
  onAssessed: (monthlyFen: number) => void;
};

/**
 * 核定团费标准 for the ticked members: the category, the after-tax income where the category pays
 * by income, and for members assessed the first time the month dues start. The server works out
 * the amount from its rules and the success message says what it came to.
 */
export function AssessDuesModal({ members, onClose, onAssessed }: Props) {
  const t = useT();
  const bilingual = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const applyErrors = useApiFieldErrors();
  const errorMessage = useErrorMessage();
  const { meta, error: metaError, isIncomeBased } = useDuesMeta();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const category = Form.useWatch('category', form);
  const firstTime = members.filter((m) => m.monthlyFen === null).length;
  const preselected = meta ? sharedCategory(members, meta.occupationCategories) : undefined;

  const submit = async (values: Values) => {
    if (!values.category) return;
    setSaving(true);
    setRefusal(null);
    try {
      const incomeBased = isIncomeBased(values.category);
      const result = await assessDues({
        memberIds: members.map((m) => m.id),
        category: values.category,
        incomeFen: incomeBased && values.incomeYuan != null ? yuanToFen(values.incomeYuan) : undefined,
        fromMonth: firstTime > 0 && values.fromMonth ? values.fromMonth.format('YYYY-MM') : undefined,
        reason: values.reason?.trim() || undefined,
      });
      message.success(t('dues.assess.done', { count: result.assessed, amount: formatYuan(result.monthlyFen) }));
      onAssessed(result.monthlyFen);
    } catch (err) {
      setRefusal(applyErrors(form, renameApiFields(err, FIELD_NAMES), FORM_FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('dues.assess.title')}
      okText={t('dues.assess.submit')}
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
      {/* The preselection needs the occupations' categories: the form starts once they are in. */}
      {meta && (
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark
          autoComplete="off"
          initialValues={{ category: preselected, fromMonth: thisMonth() }}
          onValuesChange={() => setRefusal(null)}
          onFinish={(values) => void submit(values)}
        >
          <Form.Item
            name="category"
            label={t('dues.field.category')}
            rules={[{ required: true, message: t('dues.required.category') }]}
            extra={preselected ? t('dues.assess.preselected') : undefined}
          >
            <Select
              options={meta.categories.map((c) => ({ value: c.code, label: bilingual(c) }))}
              placeholder={t('dues.placeholder.category')}
            />
          </Form.Item>
          {isIncomeBased(category) && (
            <Form.Item
              name="incomeYuan"
              label={t('dues.field.income')}
              rules={[{ required: true, message: t('dues.required.income') }]}
              extra={t('dues.assess.incomeHint')}
            >
              <InputNumber min={0} max={1_000_000} precision={2} suffix={t('dues.yuanUnit')} style={{ width: '100%' }} />
            </Form.Item>
          )}
          {firstTime > 0 && (
            <Form.Item
              name="fromMonth"
              label={t('dues.field.fromMonth')}
              rules={[{ required: true, message: t('dues.required.fromMonth') }]}
              extra={
                firstTime === members.length
                  ? t('dues.assess.fromMonthHint')
                  : t('dues.assess.fromMonthSomeHint', { count: firstTime })
              }
            >
              <DatePicker picker="month" format="YYYY-MM" disabledDate={afterNextMonth} style={{ width: '100%' }} />
            </Form.Item>
          )}
          <Form.Item name="reason" label={t('dues.field.assessReason')}>
            <Input.TextArea rows={2} maxLength={300} showCount placeholder={t('dues.placeholder.assessReason')} />
          </Form.Item>
        </Form>
      )}
      {firstTime < members.length && <Alert type="info" showIcon title={t('dues.assess.reassessNote')} style={{ marginBottom: 12 }} />}
      {refusal && <Alert type="error" showIcon title={refusal} role="alert" />}
    </Modal>
  );
}
