import { useState } from 'react';
import { Alert, App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { todayInChina } from '../../common/utils/today-in-china';
import { DATE } from '../../members/utils/member-form';
import { publishNotice } from '../api/admission-api';
import { useAdmissionMeta } from '../hooks/useAdmissionMeta';
import type { AdmissionNoticeKind, ApplicantDetail } from '../types/admission';
import { noticeDays } from '../utils/notice-state';

type Values = { startOn: Dayjs | null; endOn: Dayjs | null };

type Props = {
  applicant: ApplicantDetail;
  kind: AdmissionNoticeKind;
  onClose: () => void;
  onPublished: (applicant: ApplicantDetail) => void;
};

/** 公示: the period the notice runs, at least the rule's days with both ends counted. */
export function PublishNoticeModal({ applicant, kind, onClose, onPublished }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const applyErrors = useApiFieldErrors();
  const { meta, noticeName } = useAdmissionMeta();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const minDays = meta?.rules.minNoticeDays ?? 5;
  const startOn = Form.useWatch('startOn', form);
  const endOn = Form.useWatch('endOn', form);
  const days = startOn && endOn ? noticeDays(startOn.format(DATE), endOn.format(DATE)) : null;

  const submit = async (values: Values) => {
    if (!values.startOn || !values.endOn) return;
    setSaving(true);
    setRefusal(null);
    try {
      const updated = await publishNotice(applicant.id, { kind: kind.code, startOn: values.startOn.format(DATE), endOn: values.endOn.format(DATE) });
      message.success(t('admission.notice.published', { notice: noticeName(kind.code) }));
      onPublished(updated);
    } catch (err) {
      setRefusal(applyErrors(form, err, ['startOn', 'endOn']));
    } finally {
      setSaving(false);
    }
  };

  const today = dayjs(todayInChina());
  return (
    <Modal
      open
      title={t('admission.notice.publishTitle', { notice: noticeName(kind.code), name: applicant.name })}
      okText={t('admission.notice.publish')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('admission.notice.rule', { days: minDays, step: kind.beforeStep })}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={{ startOn: today, endOn: today.add(minDays - 1, 'day') }}
        onValuesChange={() => setRefusal(null)}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="startOn" label={t('admission.field.noticeStart')} rules={[{ required: true, message: t('admission.required.date') }]}>
          <DatePicker format={DATE} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="endOn"
          label={t('admission.field.noticeEnd')}
          rules={[{ required: true, message: t('admission.required.date') }]}
          extra={days !== null ? t('admission.notice.days', { days }) : undefined}
        >
          <DatePicker format={DATE} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} />}
    </Modal>
  );
}
