import { useState } from 'react';
import { Alert, App, Form, InputNumber, Modal, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { setYouthCount } from '../api/admission-api';
import { useAdmissionMeta } from '../hooks/useAdmissionMeta';
import type { RatioRow, StageRatio } from '../types/admission';

type Props = {
  row: RatioRow;
  stage: StageRatio;
  onClose: () => void;
  onSaved: () => void;
};

/** 录入青年数: how many young people of a school stage an organization has, the denominator of its 团青比. */
export function YouthCountModal({ row, stage, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ youth: number | null }>();
  const applyErrors = useApiFieldErrors();
  const { stage: stageName } = useAdmissionMeta();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async ({ youth }: { youth: number | null }) => {
    if (youth === null) return;
    setSaving(true);
    setRefusal(null);
    try {
      await setYouthCount(row.orgId, stage.stage, youth);
      message.success(t('admission.youth.done', { name: row.name, stage: stageName(stage.stage), youth }));
      onSaved();
    } catch (err) {
      setRefusal(applyErrors(form, err, ['youth']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('admission.youth.title', { name: row.name, stage: stageName(stage.stage) })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('admission.youth.hint', { members: stage.members, cap: stage.capPercent })}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ youth: stage.youth || null }} onValuesChange={() => setRefusal(null)} onFinish={(values) => void submit(values)}>
        <Form.Item name="youth" label={t('admission.youth.field')} rules={[{ required: true, message: t('admission.required.youth') }]}>
          <InputNumber min={0} max={10_000_000} precision={0} suffix={t('admission.people')} style={{ width: 220 }} />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} />}
    </Modal>
  );
}
