import { useMemo, useState } from 'react';
import { App, Form, Modal } from 'antd';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { createMember, updateMember } from '../api/member-api';
import type { Member } from '../types/member';
import { derivesIdentity } from '../utils/id-types';
import {
  changedFields,
  initialFormValues,
  MEMBER_API_FIELDS,
  toCreateInput,
  toFields,
  type MemberFormValues,
} from '../utils/member-form';
import { MemberBasicSection } from './MemberBasicSection';
import { MemberContactSection } from './MemberContactSection';
import { MemberLeagueSection } from './MemberLeagueSection';

export type MemberFormTarget =
  | { mode: 'create'; branch: { id: number; name: string } }
  | { mode: 'edit'; member: Member };

type Props = {
  target: MemberFormTarget;
  onClose: () => void;
  onSaved: (member: Member) => void;
};

/** 新增团员 / 编辑团员, in three sections. */
export function MemberFormModal({ target, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<MemberFormValues>();
  const applyErrors = useApiFieldErrors();
  const [saving, setSaving] = useState(false);
  const editing = target.mode === 'edit' ? target.member : null;

  const initialValues = useMemo(
    () =>
      target.mode === 'edit'
        ? initialFormValues(target.member.orgName, target.member)
        : initialFormValues(target.branch.name, null),
    [target],
  );

  const submit = async (values: MemberFormValues) => {
    setSaving(true);
    try {
      const fields = toFields(values);
      if (editing) {
        const patch = changedFields(editing, fields);
        const saved = Object.keys(patch).length > 0 ? await updateMember(editing.id, patch) : editing;
        message.success(t('member.updated', { name: saved.name }));
        onSaved(saved);
      } else if (target.mode === 'create') {
        const created = await createMember(toCreateInput(target.branch.id, fields));
        message.success(t('member.created', { name: created.name }));
        onSaved(created);
      }
    } catch (err) {
      // A resident ID shows no birth date or sex boxes: errors about them belong in the message.
      const onScreen = derivesIdentity(values.idType)
        ? MEMBER_API_FIELDS.filter((field) => field !== 'birthDate' && field !== 'sex')
        : MEMBER_API_FIELDS;
      const rest = applyErrors(form, err, onScreen);
      if (rest) message.error(rest);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={editing ? t('member.editTitle', { name: editing.name }) : t('member.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={760}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form<MemberFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
        requiredMark
        scrollToFirstError
        autoComplete="off"
      >
        <MemberBasicSection editing={editing} />
        <MemberLeagueSection />
        <MemberContactSection editing={editing} />
      </Form>
    </Modal>
  );
}
