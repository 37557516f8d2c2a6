import { useState } from 'react';
import { Alert, App, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { reversePayment } from '../api/dues-api';
import { useDuesMeta } from '../hooks/useDuesMeta';
import type { DuesPayment } from '../types/dues';
import { formatYuan } from '../utils/money';

type Values = { reason: string };

type Props = {
  payment: DuesPayment;
  memberName: string;
  onClose: () => void;
  onReversed: () => void;
};

/**
 * 撤销收缴记录, with the reason kept beside the payment. Only a member's latest payment can go (so
 * the months paid stay one unbroken run); the server's refusal of an older one shows here.
 */
export function ReversePaymentModal({ payment, memberName, onClose, onReversed }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const applyErrors = useApiFieldErrors();
  const { method } = useDuesMeta();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setSaving(true);
    setRefusal(null);
    try {
      await reversePayment(payment.id, values.reason.trim());
      message.success(t('dues.reverse.done', { name: memberName }));
      onReversed();
    } catch (err) {
      setRefusal(applyErrors(form, err, ['reason']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('dues.reverse.title', { name: memberName })}
      okText={t('dues.reverse.submit')}
      okButtonProps={{ danger: true }}
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
          {
            key: 'months',
            label: t('dues.col.payMonths'),
            children: t('dues.monthRange', { from: payment.fromMonth, to: payment.toMonth, months: payment.months }),
          },
          { key: 'amount', label: t('dues.col.amount'), children: t('dues.yuan', { amount: formatYuan(payment.amountFen) }) },
          { key: 'receipt', label: t('dues.field.receiptNo'), children: <span className="tw-mono">{payment.receiptNo}</span> },
          { key: 'method', label: t('dues.field.method'), children: method(payment.method) },
          { key: 'paidOn', label: t('dues.field.paidOn'), children: payment.paidOn },
        ]}
      />
      <Typography.Paragraph type="secondary">{t('dues.reverse.hint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        autoComplete="off"
        onValuesChange={() => setRefusal(null)}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="reason"
          label={t('dues.field.reverseReason')}
          rules={[
            { required: true, whitespace: true, message: t('dues.required.reverseReason') },
            {
              validator: (_, value?: string) =>
                !value?.trim() || value.trim().length >= 2
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('dues.invalid.reverseReason'))),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={300} showCount placeholder={t('dues.placeholder.reverseReason')} />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon title={refusal} role="alert" />}
    </Modal>
  );
}
