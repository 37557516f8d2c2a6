import { useState } from 'react';
import { Alert, App, Form, Modal, Skeleton, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { TARGET_FIELDS, TransferTargetFields, type TransferTargetValues } from '../../transfers/components/TransferTargetFields';
import { useTransferMeta } from '../../transfers/hooks/useTransferMeta';
import { targetInput } from '../../transfers/utils/target-input';
import { applyMyTransfer } from '../api/my-transfers-api';
import { currentOrgName } from '../../transfers/utils/placed-name';

type Props = { onClose: () => void; onApplied: () => void };

/**
 * 申请转接 for oneself: 省内 to a branch found by name, or 省外 to a place written out, and why.
 * One's own branch decides first; the card shows where it stands from then on.
 */
export function MyTransferApplyModal({ onClose, onApplied }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<TransferTargetValues>();
  const applyErrors = useApiFieldErrors();
  const errorMessage = useErrorMessage();
  const { meta, error: metaError, isSpecial } = useTransferMeta();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (values: TransferTargetValues) => {
    setSaving(true);
    setRefusal(null);
    try {
      const transfer = await applyMyTransfer(targetInput(values, isSpecial));
      message.success(t('me.transfer.applied', { org: currentOrgName(t, transfer) }));
      onApplied();
    } catch (err) {
      setRefusal(applyErrors(form, err, TARGET_FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('me.transfer.applyTitle')}
      okText={t('me.transfer.applySubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {!meta && (metaError ? <Alert type="error" showIcon title={errorMessage(metaError)} /> : <Skeleton active />)}
      {meta && (
        <>
          <Typography.Paragraph type="secondary">{t('me.transfer.applyIntro')}</Typography.Paragraph>
          <Form<TransferTargetValues>
            form={form}
            layout="vertical"
            requiredMark
            autoComplete="off"
            initialValues={{ scopeKind: 'within' }}
            onValuesChange={() => setRefusal(null)}
            onFinish={(values) => void submit(values)}
          >
            <TransferTargetFields />
          </Form>
        </>
      )}
      {refusal && <Alert type="error" showIcon title={refusal} role="alert" />}
    </Modal>
  );
}
