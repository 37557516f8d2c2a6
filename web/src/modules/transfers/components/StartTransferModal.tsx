import { useState } from 'react';
import { Alert, App, Form, Modal, Skeleton, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { startTransfer } from '../api/transfer-api';
import { useTransferMeta } from '../hooks/useTransferMeta';
import type { TransferDetail } from '../types/transfer';
import { targetInput } from '../utils/target-input';
import { MemberPicker } from './MemberPicker';
import { TARGET_FIELDS, TransferTargetFields, type TransferTargetValues } from './TransferTargetFields';
import { currentOrgName } from '../utils/placed-name';

type Values = TransferTargetValues & { memberId?: number };

const FORM_FIELDS = ['memberId', ...TARGET_FIELDS] as const;

type Props = {
  onClose: () => void;
  /** The new transfer, to open its detail. */
  onStarted: (transfer: TransferDetail) => void;
};

/**
 * 发起转接 as the sending side: a member of the post's scope, 省内 or 省外, the reason and where to.
 * The server's field errors land on their fields; a refusal (another open transfer, 团籍 not
 * normal) shows under the form.
 */
export function StartTransferModal({ onClose, onStarted }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const applyErrors = useApiFieldErrors();
  const errorMessage = useErrorMessage();
  const { meta, error: metaError, isSpecial } = useTransferMeta();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (values: Values) => {
    if (values.memberId === undefined) return;
    setSaving(true);
    setRefusal(null);
    try {
      const transfer = await startTransfer({ memberId: values.memberId, ...targetInput(values, isSpecial) });
      message.success(
        transfer.currentOrg
          ? t('transfer.start.done', { name: transfer.memberName, org: currentOrgName(t, transfer) })
          : t('transfer.start.doneClosed', { name: transfer.memberName }),
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
      title={t('transfer.start.title')}
      okText={t('transfer.start.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={600}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {!meta && (metaError ? <Alert type="error" showIcon title={errorMessage(metaError)} /> : <Skeleton active />)}
      {meta && (
        <>
          <Typography.Paragraph type="secondary">{t('transfer.start.intro', { hours: meta.responseHours })}</Typography.Paragraph>
          <Form<Values>
            form={form}
            layout="vertical"
            requiredMark
            autoComplete="off"
            initialValues={{ scopeKind: 'within' }}
            onValuesChange={() => setRefusal(null)}
            onFinish={(values) => void submit(values)}
          >
            <Form.Item
              name="memberId"
              label={t('transfer.field.member')}
              rules={[{ required: true, message: t('transfer.required.member') }]}
              extra={t('transfer.member.hint')}
            >
              <MemberPicker />
            </Form.Item>
            <TransferTargetFields />
          </Form>
        </>
      )}
      {refusal && <Alert type="error" showIcon title={refusal} role="alert" />}
    </Modal>
  );
}
