import { useState } from 'react';
import { Alert, App, Descriptions, Form, Input, Modal } from 'antd';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { formatTime } from '../../common/utils/format-time';
import { decideMinorAccess, revokeMinorAccess } from '../api/minor-access-api';
import type { MinorAccessRequest } from '../types/minor-access';

type Props = {
  request: MinorAccessRequest;
  /** approve / refuse a waiting request, or revoke (or withdraw) a live one. */
  action: 'approve' | 'refuse' | 'revoke';
  onClose: () => void;
  onDone: (updated: MinorAccessRequest) => void;
};

/** 审批 or 撤销 one request, with the comment or reason the audit log keeps. */
export function MinorDecisionModal({ request, action, onClose, onDone }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text?: string }>();
  const applyErrors = useApiFieldErrors();
  const [loading, setLoading] = useState(false);
  const needsText = action !== 'approve';

  const submit = async ({ text }: { text?: string }) => {
    setLoading(true);
    try {
      const updated = action === 'revoke' ? await revokeMinorAccess(request.id, text?.trim() ?? '') : await decideMinorAccess(request.id, action, text?.trim() || null);
      message.success(t(action === 'revoke' ? 'minor.revoke.done' : action === 'approve' ? 'minor.decide.done.approve' : 'minor.decide.done.refuse'));
      onDone(updated);
    } catch (err) {
      const rest = applyErrors(form, err, [action === 'revoke' ? 'reason' : 'comment']);
      if (rest) message.error(rest);
    } finally {
      setLoading(false);
    }
  };

  return (
    <Modal
      open
      title={t(action === 'revoke' ? 'minor.revoke.title' : 'minor.decide.title', { name: request.subjectLabel })}
      okText={t(action === 'approve' ? 'minor.approve' : action === 'refuse' ? 'minor.refuse' : 'minor.revoke')}
      okButtonProps={{ danger: action !== 'approve' }}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'org', label: t('minor.col.org'), children: request.orgName },
          { key: 'requester', label: t('minor.col.requester'), children: request.requesterPostLabel ? `${request.requester}（${request.requesterPostLabel}）` : request.requester },
          { key: 'reason', label: t('minor.request.reason'), children: request.reason },
          { key: 'purpose', label: t('minor.request.purpose'), children: request.purpose },
          { key: 'hours', label: t('minor.col.hours'), children: t('minor.hours', { hours: request.requestedHours }) },
          { key: 'at', label: t('minor.col.requestedAt'), children: formatTime(request.requestedAt) },
        ]}
      />
      {action === 'approve' && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('minor.decide.approveHint', { requester: request.requester, hours: request.requestedHours })} />
      )}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="text"
          label={t(action === 'revoke' ? 'minor.revoke.reason' : 'minor.decide.comment')}
          rules={needsText ? [{ required: true, whitespace: true, message: t(action === 'revoke' ? 'minor.revoke.reasonRequired' : 'minor.decide.commentRequired') }] : []}
        >
          <Input.TextArea rows={2} maxLength={200} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
