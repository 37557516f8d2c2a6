import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Skeleton, Typography } from 'antd';
import { useBilingual, useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { OrgTreeSelect } from '../../org/components/OrgTreeSelect';
import { startIncomingTransfer } from '../api/transfer-api';
import { useTransferMeta } from '../hooks/useTransferMeta';
import type { TransferDetail } from '../types/transfer';
import { currentOrgName } from '../utils/placed-name';

type Values = { idNumber?: string; name?: string; toOrgId?: number; reason?: string; reasonText?: string };

const FORM_FIELDS = ['idNumber', 'name', 'toOrgId', 'reason', 'reasonText'] as const;

type Props = {
  onClose: () => void;
  onStarted: (transfer: TransferDetail) => void;
};

/**
 * 转入发起: the receiving side asks for someone it cannot see yet. It must know the person's ID
 * number and name (both must match), and names one of its own branches to receive them.
 */
export function IncomingTransferModal({ onClose, onStarted }: Props) {
  const t = useT();
  const bilingual = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const applyErrors = useApiFieldErrors();
  const errorMessage = useErrorMessage();
  const { meta, error: metaError, isSpecial } = useTransferMeta();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const reason = Form.useWatch('reason', form);

  const submit = async (values: Values) => {
    if (!values.idNumber || !values.name || values.toOrgId === undefined || !values.reason) return;
    setSaving(true);
    setRefusal(null);
    try {
      const transfer = await startIncomingTransfer({
        idNumber: values.idNumber.trim().toUpperCase(),
        name: values.name.trim(),
        toOrgId: values.toOrgId,
        reason: values.reason,
        reasonText: values.reasonText?.trim() || null,
      });
      message.success(
        t('transfer.start.done', { name: transfer.memberName, org: currentOrgName(t, transfer) || t('common.none') }),
      );
      onStarted(transfer);
    } catch (err) {
      setRefusal(applyErrors(form, err, FORM_FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('transfer.incoming.title')}
      okText={t('transfer.start.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={560}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {!meta && (metaError ? <Alert type="error" showIcon title={errorMessage(metaError)} /> : <Skeleton active />)}
      {meta && (
        <>
          <Typography.Paragraph type="secondary">{t('transfer.incoming.intro')}</Typography.Paragraph>
          <Form<Values>
            form={form}
            layout="vertical"
            requiredMark
            autoComplete="off"
            onValuesChange={() => setRefusal(null)}
            onFinish={(values) => void submit(values)}
          >
            <Form.Item
              name="idNumber"
              label={t('transfer.field.idNumber')}
              rules={[
                { required: true, whitespace: true, message: t('transfer.required.idNumber') },
                { pattern: /^\s*[0-9]{15}([0-9]{2}[0-9Xx])?\s*$/, message: t('transfer.invalid.idNumber') },
              ]}
            >
              <Input maxLength={18} className="tw-mono" placeholder={t('transfer.placeholder.idNumber')} />
            </Form.Item>
            <Form.Item name="name" label={t('transfer.field.name')} rules={[{ required: true, whitespace: true, message: t('transfer.required.name') }]}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item
              name="toOrgId"
              label={t('transfer.field.ownBranch')}
              rules={[{ required: true, message: t('transfer.required.ownBranch') }]}
            >
              <OrgTreeSelect selectable={(node) => node.type === 'branch'} placeholder={t('transfer.placeholder.ownBranch')} />
            </Form.Item>
            <Form.Item name="reason" label={t('transfer.field.reason')} rules={[{ required: true, message: t('transfer.required.reason') }]}>
              <Select
                // 参军 and 涉密 go to the 特殊单位专属库, never to a branch the receiving side names.
                options={meta.reasons.filter((r) => !isSpecial(r.code)).map((r) => ({ value: r.code, label: bilingual(r) }))}
                placeholder={t('transfer.placeholder.reason')}
              />
            </Form.Item>
            <Form.Item
              name="reasonText"
              label={t('transfer.field.reasonText')}
              rules={[{ required: reason === 'other', whitespace: true, message: t('transfer.required.reasonText') }]}
            >
              <Input.TextArea rows={2} maxLength={300} showCount placeholder={t('transfer.placeholder.reasonText')} />
            </Form.Item>
          </Form>
        </>
      )}
      {refusal && <Alert type="error" showIcon title={refusal} role="alert" />}
    </Modal>
  );
}
