import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { isApiError } from '../../../api/client';
import { useLang, useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { closeIncident } from '../api/incident-api';
import type { Incident } from '../types/incident';

/** 结案, with an optional note; a refusal lists what the incident still lacks, one line each. */
export function CloseIncidentModal({ incident, onClose, onDone }: { incident: Incident; onClose: () => void; onDone: (incident: Incident) => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);

  const submit = async () => {
    setSaving(true);
    try {
      const closed = await closeIncident(incident.id, note.trim() || undefined);
      message.success(t('incidents.done.closed'));
      onDone(closed);
    } catch (err) {
      if (isApiError(err) && err.fields.length > 0) setMissing(err.fields.map((f) => (lang === 'en-US' ? (f.messageEn ?? f.message) : f.message)));
      else message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('incidents.modal.closeTitle')}
      okText={t('incidents.action.close')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('incidents.modal.closeHint')}</Typography.Paragraph>
      {missing.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('incidents.closeRefused')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
        />
      )}
      <Form layout="vertical">
        <Form.Item label={t('incidents.modal.closeNote')}>
          <Input.TextArea rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
