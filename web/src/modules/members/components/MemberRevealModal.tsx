import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { revealMember } from '../api/member-api';
import type { RevealedMember } from '../types/member';

type Props = {
  member: { id: number; name: string };
  onClose: () => void;
  onRevealed: (revealed: RevealedMember) => void;
};

/** Asks why the full ID and phone numbers are needed; the server writes the reason to the audit log. */
export function MemberRevealModal({ member, onClose, onRevealed }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const applyErrors = useApiFieldErrors();
  const [loading, setLoading] = useState(false);

  const submit = async ({ reason }: { reason: string }) => {
    setLoading(true);
    try {
      onRevealed(await revealMember(member.id, reason.trim()));
    } catch (err) {
      const rest = applyErrors(form, err, ['reason']);
      if (rest) message.error(rest);
    } finally {
      setLoading(false);
    }
  };

  return (
    <Modal
      open
      title={t('member.revealTitle', { name: member.name })}
      okText={t('member.revealConfirm')}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('member.revealHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="reason"
          label={t('member.revealReason')}
          rules={[
            { required: true, whitespace: true, message: t('member.required.revealReason') },
            {
              validator: (_, value?: string) =>
                !value?.trim() || value.trim().length >= 2
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('member.invalid.revealReason'))),
            },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={200}
            showCount
            placeholder={t('member.revealReasonPlaceholder')}
            autoFocus
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
