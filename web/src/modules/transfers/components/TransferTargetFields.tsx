import { Alert, Form, Input, Radio, Select } from 'antd';
import { useBilingual, useT } from '../../../i18n';
import { useTransferMeta } from '../hooks/useTransferMeta';
import { DestinationSelect } from './DestinationSelect';

/** What the target fields of a transfer form hold. */
export type TransferTargetValues = {
  scopeKind?: string;
  reason?: string;
  reasonText?: string;
  toOrgId?: number;
  outsideDestination?: string;
};

export const TARGET_FIELDS = ['scopeKind', 'reason', 'reasonText', 'toOrgId', 'outsideDestination'] as const;

/**
 * Where a member goes and why, shared by the organization's and the member's own forms: 省内 to a
 * branch found by search, 省外 to a place written out; 参军 and 涉密 need no branch, since the
 * province's 特殊单位专属库 receives them. Must sit inside a Form of TransferTargetValues.
 */
export function TransferTargetFields() {
  const t = useT();
  const bilingual = useBilingual();
  const { meta, isSpecial } = useTransferMeta();
  const form = Form.useFormInstance<TransferTargetValues>();
  const scopeKind = Form.useWatch('scopeKind', form);
  const reason = Form.useWatch('reason', form);
  const outside = scopeKind === 'outside';

  return (
    <>
      <Form.Item name="scopeKind" label={t('transfer.field.scopeKind')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={(meta?.scopeKinds ?? []).map((k) => ({ value: k.code, label: bilingual(k) }))}
        />
      </Form.Item>
      <Form.Item name="reason" label={t('transfer.field.reason')} rules={[{ required: true, message: t('transfer.required.reason') }]}>
        <Select
          options={(meta?.reasons ?? []).map((r) => ({ value: r.code, label: bilingual(r) }))}
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
      {outside ? (
        <Form.Item
          name="outsideDestination"
          label={t('transfer.field.outsideDestination')}
          rules={[{ required: true, whitespace: true, message: t('transfer.required.outsideDestination') }]}
          extra={t('transfer.outsideHint')}
        >
          <Input maxLength={200} placeholder={t('transfer.placeholder.outsideDestination')} />
        </Form.Item>
      ) : isSpecial(reason) ? (
        <Alert type="info" showIcon title={t('transfer.specialLibraryHint')} style={{ marginBottom: 16 }} />
      ) : (
        <Form.Item
          name="toOrgId"
          label={t('transfer.field.toOrg')}
          rules={[{ required: true, message: t('transfer.required.toOrg') }]}
          extra={t('transfer.destination.hint')}
        >
          <DestinationSelect />
        </Form.Item>
      )}
    </>
  );
}
