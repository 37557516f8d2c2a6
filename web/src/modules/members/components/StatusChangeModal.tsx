import { useState, type ReactNode } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import type { Member } from '../types/member';

export type StatusChangeValues = { reason: string } & Record<string, unknown>;

type Props<V extends StatusChangeValues> = {
  title: string;
  okText: string;
  danger?: boolean;
  /** Fields above the reason: the kind, the decision, the branch. */
  children?: ReactNode;
  initialValues?: Partial<V>;
  /** Form item names that API field errors may land on, besides `reason`. */
  fields?: readonly string[];
  reasonLabel?: string;
  reasonPlaceholder?: string;
  submit: (values: V) => Promise<Member>;
  onDone: (member: Member) => void;
  onClose: () => void;
};

/**
 * The frame of every 团籍变动 dialog: the fields, a required reason, and the server's refusal
 * (未满28周岁, 担任团内职务…) shown inside the dialog, where the user is still looking.
 */
export function StatusChangeModal<V extends StatusChangeValues>(props: Props<V>) {
  const { title, okText, danger, children, initialValues, fields = [], submit, onDone, onClose } = props;
  const t = useT();
  const [form] = Form.useForm<V>();
  const applyErrors = useApiFieldErrors();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const onFinish = async (values: V) => {
    setSaving(true);
    setRefusal(null);
    try {
      onDone(await submit({ ...values, reason: values.reason.trim() }));
    } catch (err) {
      setRefusal(applyErrors(form, err, [...fields, 'reason']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ danger }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={() => setRefusal(null)}
        onFinish={(values) => void onFinish(values)}
      >
        {children}
        <Form.Item
          name="reason"
          label={props.reasonLabel ?? t('member.reason')}
          rules={[
            { required: true, whitespace: true, message: t('member.required.reason') },
            {
              validator: (_, value?: string) =>
                !value?.trim() || value.trim().length >= 2
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('member.invalid.reason'))),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={props.reasonPlaceholder} />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon title={refusal} role="alert" />}
    </Modal>
  );
}
