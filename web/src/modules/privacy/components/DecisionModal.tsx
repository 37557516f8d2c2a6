import { useEffect, useState } from 'react';
import { Alert, App, Descriptions, Form, Input, Modal, Select } from 'antd';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { useMemberEnums } from '../../members/hooks/useMemberEnums';
import type { MemberEnumGroup } from '../../members/types/member';
import { fieldLabel, kindLabel, reasonLabel, requesterLabel } from '../../self/utils/subject-request-labels';
import type { CorrectableField } from '../../self/types/subject-request';
import { decideRequest } from '../api/subject-requests-api';
import type { HandledRequest } from '../types/handled-request';

/** Coded member fields: the handler picks the code that matches what the member wrote. */
const CODED: Partial<Record<CorrectableField, MemberEnumGroup>> = { ethnicity: 'ethnicities', educationHighest: 'educationLevels', occupation: 'occupations' };
// ID and phone numbers are shown masked in the list; the member's value is applied unless the handler types another.
const SECRET: readonly CorrectableField[] = ['idNumber', 'phone'];

/** 同意 or 拒绝 one request: a correction shows the value to apply, a deletion what restriction means, a refusal asks why. */
export function DecisionModal({ request, decision, onClose, onDone }: {
  request: HandledRequest | null;
  decision: 'accept' | 'refuse';
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const enums = useMemberEnums();
  const [form] = Form.useForm<{ reason: string; value?: string }>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const placeErrors = useApiFieldErrors();
  const field = request?.field ?? null;
  const coded = field ? CODED[field] : undefined;

  useEffect(() => {
    if (request) {
      form.setFieldsValue({ reason: '', value: field && !coded && !SECRET.includes(field) ? (request.proposedValue ?? '') : undefined });
      setProblem(null);
    }
  }, [request, field, coded, form]);

  const submit = async () => {
    if (!request) return;
    const values = await form.validateFields();
    setSaving(true);
    setProblem(null);
    try {
      await decideRequest(request.id, { decision, reason: values.reason ?? '', ...(values.value ? { value: values.value } : {}) });
      message.success(t('privacy.handle.done'));
      onDone();
      onClose();
    } catch (error) {
      setProblem(placeErrors(form, error, ['reason', 'value']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={request !== null}
      title={t(decision === 'accept' ? 'privacy.handle.acceptTitle' : 'privacy.handle.refuseTitle')}
      okText={t(decision === 'accept' ? 'privacy.handle.accept' : 'privacy.handle.refuse')}
      okButtonProps={{ danger: decision === 'refuse' }}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {request && (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'member', label: t('privacy.handle.col.member'), children: `${request.memberName}（${request.orgName}）` },
            { key: 'kind', label: t('privacy.form.kind'), children: `${t(kindLabel(request.kind))} · ${t(requesterLabel(request.requesterKind))}` },
            ...(request.field ? [{ key: 'field', label: t('privacy.form.field'), children: `${t(fieldLabel(request.field))}：${request.proposedValue ?? ''}` }] : []),
            ...(request.reasonCode ? [{ key: 'reason', label: t('privacy.form.reason'), children: t(reasonLabel(request.reasonCode)) }] : []),
            ...(request.note ? [{ key: 'note', label: t('privacy.form.note'), children: request.note }] : []),
          ]}
        />
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      {decision === 'accept' && request && request.kind !== 'correction' && (
        <Alert type="warning" showIcon title={t('privacy.handle.restrictNotice')} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical">
        {decision === 'accept' && field && (
          <Form.Item
            name="value"
            label={t('privacy.handle.value')}
            extra={coded ? undefined : t('privacy.handle.valueHint')}
            rules={coded ? [{ required: true, message: t('privacy.handle.chooseValue') }] : []}
          >
            {coded ? <Select showSearch optionFilterProp="label" placeholder={t('privacy.handle.chooseValue')} options={enums.options(coded)} /> : <Input maxLength={100} />}
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('privacy.handle.reason')}
          rules={decision === 'refuse' ? [{ required: true, whitespace: true, min: 2, message: t('privacy.handle.refuseReasonPlaceholder') }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} placeholder={decision === 'refuse' ? t('privacy.handle.refuseReasonPlaceholder') : undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
