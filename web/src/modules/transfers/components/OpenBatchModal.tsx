import { useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { OrgTreeSelect } from '../../org/components/OrgTreeSelect';
import { openGraduateBatch } from '../api/graduate-api';

type Values = { schoolOrgId?: number; year?: number; name?: string };

type Props = {
  thisYear: number;
  onClose: () => void;
  onOpened: (batchId: number) => void;
};

/**
 * 建立毕业生批次: a school committee (or any organization above the graduating branches) and the
 * year; every member in good standing of its branches marked 毕业生 joins. The server says when
 * there are no such branches or the year's batch exists.
 */
export function OpenBatchModal({ thisYear, onClose, onOpened }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const applyErrors = useApiFieldErrors();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (values: Values) => {
    if (values.schoolOrgId === undefined || values.year === undefined) return;
    setSaving(true);
    setRefusal(null);
    try {
      const batch = await openGraduateBatch({ schoolOrgId: values.schoolOrgId, year: values.year, name: values.name?.trim() || undefined });
      message.success(t('graduate.open.done', { name: batch.name, count: batch.members }));
      onOpened(batch.id);
    } catch (err) {
      setRefusal(applyErrors(form, err, ['schoolOrgId', 'year', 'name']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('graduate.open.title')}
      okText={t('graduate.open.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('graduate.open.intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark
        autoComplete="off"
        initialValues={{ year: thisYear }}
        onValuesChange={() => setRefusal(null)}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="schoolOrgId" label={t('graduate.field.school')} rules={[{ required: true, message: t('graduate.required.school') }]}>
          <OrgTreeSelect selectable={(node) => node.type !== 'branch'} placeholder={t('graduate.placeholder.school')} />
        </Form.Item>
        <Form.Item name="year" label={t('graduate.field.year')} rules={[{ required: true, message: t('graduate.required.year') }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="name" label={t('graduate.field.name')} extra={t('graduate.open.nameHint')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon title={refusal} role="alert" />}
    </Modal>
  );
}
