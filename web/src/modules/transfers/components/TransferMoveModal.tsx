import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import type { TransferDetail } from '../types/transfer';
import { MOVES, type TransferMove } from '../utils/action-config';
import { currentOrgName } from '../utils/placed-name';

type Values = { reason?: string; evidence?: string };

type Props = {
  move: TransferMove;
  memberName: string;
  /** Sends the move: the organization's or the member's own endpoint. */
  submit: (text: { reason: string | null; evidence?: string }) => Promise<TransferDetail>;
  onClose: () => void;
  onDone: (transfer: TransferDetail) => void;
};

const atLeastTwo = (message: string) => ({
  validator: (_: unknown, value?: string) =>
    !value?.trim() || value.trim().length >= 2 ? Promise.resolve() : Promise.reject(new Error(message)),
});

/**
 * One step on a transfer — 同意, 退回, 申诉通过, 申诉不通过, 申诉, 撤回 — with the reason or evidence
 * it needs. When the server refuses (the transfer moved on meanwhile, or a rule blocks), its
 * sentence shows here and the dialog stays open.
 */
export function TransferMoveModal({ move, memberName, submit, onClose, onDone }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const applyErrors = useApiFieldErrors();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const config = MOVES[move];

  const send = async (values: Values) => {
    setSaving(true);
    setRefusal(null);
    try {
      const transfer = await submit({
        reason: values.reason?.trim() || null,
        ...(config.evidence ? { evidence: values.evidence?.trim() ?? '' } : {}),
      });
      message.success(t(config.done, { name: memberName, org: currentOrgName(t, transfer) }));
      onDone(transfer);
    } catch (err) {
      setRefusal(applyErrors(form, err, ['reason', 'evidence']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`${t(config.label)}：${memberName}`}
      okText={t(config.label)}
      okButtonProps={{ danger: config.danger }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t(config.hint)}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        autoComplete="off"
        onValuesChange={() => setRefusal(null)}
        onFinish={(values) => void send(values)}
      >
        {config.evidence && (
          <Form.Item
            name="evidence"
            label={t('transfer.field.evidence')}
            rules={[
              { required: true, whitespace: true, message: t('transfer.required.evidence') },
              atLeastTwo(t('transfer.invalid.tooShort')),
            ]}
          >
            <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('transfer.placeholder.evidence')} />
          </Form.Item>
        )}
        {config.reason && (
          <Form.Item
            name="reason"
            label={t(config.reason.label)}
            rules={
              config.reason.required
                ? [{ required: true, whitespace: true, message: t('transfer.required.moveReason') }, atLeastTwo(t('transfer.invalid.tooShort'))]
                : []
            }
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        )}
      </Form>
      {refusal && <Alert type="error" showIcon title={refusal} role="alert" />}
    </Modal>
  );
}
