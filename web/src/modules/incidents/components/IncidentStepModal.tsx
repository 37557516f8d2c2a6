import { useState } from 'react';
import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT, type MessageKey } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { addTimelineEntry, markContained, recordNotice } from '../api/incident-api';
import type { Incident } from '../types/incident';

export type IncidentStep = 'contain' | 'note' | 'notice';
type Values = { at: Dayjs; note: string; audience?: 'regulator' | 'individuals'; exempt?: boolean };

const TITLES: Record<IncidentStep, MessageKey> = { contain: 'incidents.modal.containTitle', note: 'incidents.modal.noteTitle', notice: 'incidents.modal.noticeTitle' };

/**
 * One dated step of the response: 已控制 (with how), a timeline note, or a report or notice (to whom,
 * how; or, Art. 57 ¶2, why the people need not be told — never when minors are involved).
 */
export function IncidentStepModal({ incident, step, onClose, onDone }: { incident: Incident; step: IncidentStep; onClose: () => void; onDone: (incident: Incident) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const placeErrors = useApiFieldErrors();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const audience = Form.useWatch('audience', form);
  const exempt = Form.useWatch('exempt', form);
  const regulatorDone = incident.regulatorNotifiedAt !== null;
  const individualsDone = incident.individualsNotifiedAt !== null;
  // After a recorded waiver only a real notice can follow.
  const waived = incident.individualsExemption !== null;

  const submit = async (values: Values) => {
    const entry = { at: values.at.toISOString(), note: values.note };
    setSaving(true);
    try {
      const saved =
        step === 'contain' ? await markContained(incident.id, entry)
        : step === 'note' ? await addTimelineEntry(incident.id, entry)
        : await recordNotice(incident.id, { ...entry, audience: values.audience!, exempt: values.audience === 'individuals' && values.exempt ? true : undefined });
      message.success(t('incidents.done.saved'));
      onDone(saved);
    } catch (err) {
      const rest = placeErrors(form, err, ['at', 'note', 'exempt']);
      if (rest) message.error(rest);
    } finally {
      setSaving(false);
    }
  };

  const noteLabel: MessageKey =
    step === 'contain' ? 'incidents.modal.containNote' : step === 'note' ? 'incidents.field.note' : exempt && audience === 'individuals' ? 'incidents.modal.exemptNote' : 'incidents.modal.noticeNote';

  return (
    <Modal
      open
      title={t(TITLES[step])}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ at: dayjs(), audience: regulatorDone ? 'individuals' : 'regulator', exempt: false }}
        onFinish={(values) => void submit(values)}
      >
        {step === 'notice' && (
          <Form.Item name="audience" label={t('incidents.modal.audience')}>
            <Radio.Group
              options={[
                { value: 'regulator', label: t('incidents.regulator'), disabled: regulatorDone },
                { value: 'individuals', label: t('incidents.individuals'), disabled: individualsDone },
              ]}
            />
          </Form.Item>
        )}
        {step === 'notice' && audience === 'individuals' && !waived && (incident.involvesMinors ? (
          <Alert type="warning" showIcon title={t('incidents.modal.exemptMinors')} style={{ marginBottom: 12 }} />
        ) : (
          <Form.Item name="exempt" valuePropName="checked">
            <Checkbox>{t('incidents.modal.exempt')}</Checkbox>
          </Form.Item>
        ))}
        <Form.Item name="at" label={t('incidents.modal.at')} rules={[{ required: true, message: t('incidents.required.detectedAt') }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label={t(noteLabel)} extra={t('incidents.hint.noPersonal')} rules={[{ required: true, whitespace: true, message: t('incidents.required.note') }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
