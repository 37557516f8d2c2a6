import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { acknowledgeSecurityAlert } from '../api/security-alert-api';
import type { SecurityAlert } from '../types/security-alert';

/** 确认已处理: with an optional note of what was checked; the server audits it. */
export function AcknowledgeAlertModal({ alert, onClose, onDone }: { alert: SecurityAlert; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<{ note?: string }>();
  const [loading, setLoading] = useState(false);

  const submit = async ({ note }: { note?: string }) => {
    setLoading(true);
    try {
      await acknowledgeSecurityAlert(alert.id, note?.trim() || undefined);
      onDone();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Modal
      open
      title={t('alerts.acknowledgeTitle')}
      okText={t('alerts.acknowledge')}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="note" label={t('alerts.note')}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('alerts.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
