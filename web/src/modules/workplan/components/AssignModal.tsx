import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useT } from '../../../i18n';
import { assignTask } from '../api/task-api';
import { usePlaceFieldErrors } from '../hooks/usePlaceFieldErrors';
import type { Target, TaskDetail } from '../types/workplan';
import type { Assigner } from '../utils/task-rights';
import { OrgBelowSelect } from './OrgBelowSelect';
import { QuotaTable, quotaKey, type QuotaValues } from './QuotaTable';

type Props = {
  detail: TaskDetail;
  assigners: Assigner[];
  onClose: () => void;
  onAssigned: () => void;
};

/** A count is shared out by quotas; a rate or a ceiling holds for every organization as it stands. */
const shareable = (target: Target) => target.status === 'confirmed' && target.unit !== '%' && target.comparator !== '<=';

/**
 * 分解下达: organizations below the assigning level (the plan's committee, or the post's own
 * assignment when it splits its share further), a quota per count target for each, and a note.
 */
export function AssignModal({ detail, assigners, onClose, onAssigned }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const placeErrors = usePlaceFieldErrors();
  const [form] = Form.useForm<{ assigner: number; orgIds: number[]; note?: string }>();
  const [assignerIndex, setAssignerIndex] = useState(0);
  const [orgs, setOrgs] = useState<{ id: number; name: string }[]>([]);
  const [quotas, setQuotas] = useState<QuotaValues>({});
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const assigner = assigners[assignerIndex]!;
  const targets = detail.targets.filter(shareable);
  const taken = new Set(detail.assignments.map((a) => a.orgId));
  const own = assigner.parentAssignmentId === null ? null : detail.assignments.find((a) => a.id === assigner.parentAssignmentId);
  const goalOf = (target: Target) => (own ? (own.quotas.find((q) => q.targetId === target.id)?.quota ?? null) : target.value);

  const submit = async (values: { orgIds: number[]; note?: string }) => {
    setSaving(true);
    setRefusal(null);
    try {
      await assignTask(detail.task.id, {
        parentAssignmentId: assigner.parentAssignmentId,
        orgIds: values.orgIds,
        note: values.note?.trim() || null,
        quotas: values.orgIds.flatMap((orgId) =>
          targets.flatMap((target) => {
            const quota = quotas[quotaKey(orgId, target.id)];
            return quota === null || quota === undefined ? [] : [{ orgId, targetId: target.id, quota }];
          }),
        ),
      });
      message.success(t('workplan.assign.done', { count: values.orgIds.length }));
      onAssigned();
    } catch (err) {
      setRefusal(placeErrors(form, err, (field) => (field.startsWith('orgIds') ? 'orgIds' : null)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('workplan.assign.title', { task: detail.task.title })}
      okText={t('workplan.assign.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={{ xs: '100%', md: 760 }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form name="wpAssign" form={form} layout="vertical" autoComplete="off" initialValues={{ assigner: 0, orgIds: [] }} onFinish={(values) => void submit(values)} onValuesChange={() => setRefusal(null)}>
        {assigners.length > 1 && (
          <Form.Item name="assigner" label={t('workplan.assign.from')}>
            <Select
              options={assigners.map((a, i) => ({ value: i, label: a.orgName }))}
              onChange={(i: number) => {
                setAssignerIndex(i);
                setOrgs([]);
                form.setFieldValue('orgIds', []);
              }}
            />
          </Form.Item>
        )}
        <Form.Item
          name="orgIds"
          label={t('workplan.assign.orgs')}
          extra={t('workplan.assign.orgsHint', { org: assigner.orgName })}
          rules={[{ required: true, type: 'array', min: 1, message: t('workplan.assign.orgsRequired') }]}
        >
          <OrgBelowSelect
            key={assigner.orgId}
            rootId={assigner.orgId}
            taken={taken}
            onChange={(ids, names) => {
              setOrgs(ids.map((id) => ({ id, name: names.get(id) ?? String(id) })));
            }}
          />
        </Form.Item>
        {targets.length > 0 && orgs.length > 0 && (
          <Form.Item label={t('workplan.assign.quotas')} extra={t('workplan.assign.quotasHint')}>
            <QuotaTable orgs={orgs} targets={targets} goalOf={goalOf} values={quotas} onChange={setQuotas} />
          </Form.Item>
        )}
        {targets.length === 0 && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('workplan.assign.noCounts')}
          </Typography.Paragraph>
        )}
        <Form.Item name="note" label={t('workplan.assign.note')} style={{ marginBottom: 0 }}>
          <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('workplan.assign.notePlaceholder')} />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
