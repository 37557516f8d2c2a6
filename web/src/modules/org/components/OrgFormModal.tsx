import { useEffect, useMemo, useState } from 'react';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { createOrg, getOrg, updateOrg } from '../api/org-api';
import { useOrgEnums } from '../hooks/useOrgEnums';
import { useRegions } from '../hooks/useRegions';
import type { Org, OrgInput, OrgPatch } from '../types/org';

export type OrgFormTarget =
  | { mode: 'create'; parent: { id: number; name: string } }
  | { mode: 'edit'; org: Org; parentName?: string };

type Values = {
  parentName: string;
  name: string;
  shortName?: string;
  type?: string;
  kind?: string;
  industryCategory?: string;
  regionCode?: string;
  foundedOn?: Dayjs | null;
  lastElectionOn?: Dayjs | null;
  termYears?: number | null;
  contactName?: string;
  contactPhone?: string;
};

/** Form item names are the API's field names, so that `error.fields` land on them. */
const API_FIELDS = [
  'name',
  'shortName',
  'type',
  'kind',
  'industryCategory',
  'regionCode',
  'foundedOn',
  'lastElectionOn',
  'termYears',
  'contactName',
  'contactPhone',
] as const;

const DATE = 'YYYY-MM-DD';

const text = (value: string | undefined) => value?.trim() || null;
const date = (value: Dayjs | null | undefined) => (value ? value.format(DATE) : null);

function toFields(values: Values): Omit<OrgInput, 'parentId'> {
  return {
    name: values.name.trim(),
    shortName: text(values.shortName),
    type: values.type ?? '',
    kind: values.kind ?? '',
    industryCategory: values.industryCategory ?? '',
    regionCode: values.regionCode ?? null,
    foundedOn: date(values.foundedOn),
    lastElectionOn: date(values.lastElectionOn),
    termYears: values.termYears ?? null,
    contactName: text(values.contactName),
    contactPhone: text(values.contactPhone),
  };
}

function withoutEmpty<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== '')) as Partial<T>;
}

/** Only what changed, so an edit never rewrites a field the user did not touch. */
function changedFields(org: Org, fields: Omit<OrgInput, 'parentId'>): OrgPatch {
  const patch: OrgPatch = {};
  const current: Omit<OrgInput, 'parentId'> = {
    name: org.name,
    shortName: org.shortName,
    type: org.type,
    kind: org.kind,
    industryCategory: org.industryCategory,
    regionCode: org.regionCode,
    foundedOn: org.foundedOn,
    lastElectionOn: org.lastElectionOn,
    termYears: org.termYears,
    contactName: org.contactName,
  };
  for (const key of API_FIELDS) {
    if (key === 'contactPhone') continue;
    if ((fields[key] ?? null) !== (current[key] ?? null)) {
      (patch as Record<string, unknown>)[key] = fields[key];
    }
  }
  // The phone is only ever seen masked: an empty box means "keep the number".
  if (fields.contactPhone) patch.contactPhone = fields.contactPhone;
  return patch;
}

type Props = {
  target: OrgFormTarget;
  onClose: () => void;
  onSaved: (org: Org) => void;
};

/** 新建下级组织 / 编辑组织. */
export function OrgFormModal({ target, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const applyErrors = useApiFieldErrors();
  const enums = useOrgEnums();
  const regions = useRegions();
  const [saving, setSaving] = useState(false);
  const editing = target.mode === 'edit' ? target.org : null;

  const initialValues = useMemo<Partial<Values>>(() => {
    if (!editing) return { parentName: target.mode === 'create' ? target.parent.name : '' };
    return {
      parentName: target.mode === 'edit' ? (target.parentName ?? '') : '',
      name: editing.name,
      shortName: editing.shortName ?? undefined,
      type: editing.type,
      kind: editing.kind,
      industryCategory: editing.industryCategory,
      regionCode: editing.regionCode ?? undefined,
      foundedOn: editing.foundedOn ? dayjs(editing.foundedOn) : null,
      lastElectionOn: editing.lastElectionOn ? dayjs(editing.lastElectionOn) : null,
      termYears: editing.termYears,
      contactName: editing.contactName ?? undefined,
    };
  }, [editing, target]);

  // The parent may not be in the loaded tree (a subtree row): fetch its name for display.
  useEffect(() => {
    if (!editing || editing.parentId === null || initialValues.parentName) return;
    let alive = true;
    getOrg(editing.parentId).then(
      (parent) => alive && form.setFieldValue('parentName', parent.name),
      () => alive && form.setFieldValue('parentName', t('org.unknownParent')),
    );
    return () => {
      alive = false;
    };
  }, [editing, initialValues.parentName, form, t]);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      const fields = toFields(values);
      if (editing) {
        const patch = changedFields(editing, fields);
        const saved = Object.keys(patch).length > 0 ? await updateOrg(editing.id, patch) : editing;
        message.success(t('org.updated', { name: saved.name }));
        onSaved(saved);
      } else if (target.mode === 'create') {
        const created = await createOrg({
          ...(withoutEmpty(fields) as Omit<OrgInput, 'parentId'>),
          parentId: target.parent.id,
        });
        message.success(t('org.created', { name: created.name }));
        onSaved(created);
      }
    } catch (err) {
      const rest = applyErrors(form, err, API_FIELDS);
      if (rest) message.error(rest);
    } finally {
      setSaving(false);
    }
  };

  const half = { xs: 24, sm: 12 };

  return (
    <Modal
      open
      title={editing ? t('org.editTitle') : t('org.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={720}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
        requiredMark
        scrollToFirstError
      >
        <Form.Item name="parentName" label={t('org.field.parent')}>
          <Input readOnly variant="filled" />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item
              name="name"
              label={t('org.field.name')}
              rules={[{ required: true, whitespace: true, message: t('org.required.name') }]}
            >
              <Input maxLength={100} autoFocus />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="shortName" label={t('org.field.shortName')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="type"
              label={t('org.field.type')}
              rules={[{ required: true, message: t('org.required.type') }]}
            >
              <Select options={enums.options('types')} loading={enums.loading} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="kind"
              label={t('org.field.kind')}
              rules={[{ required: true, message: t('org.required.kind') }]}
            >
              <Select options={enums.options('kinds')} loading={enums.loading} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="industryCategory"
              label={t('org.field.industryCategory')}
              rules={[{ required: true, message: t('org.required.industryCategory') }]}
            >
              <Select
                options={enums.options('industryCategories')}
                loading={enums.loading}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="regionCode" label={t('org.field.region')}>
              <Select
                allowClear
                options={regions.options}
                loading={regions.loading}
                placeholder={t('org.regionPlaceholder')}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="foundedOn" label={t('org.field.foundedOn')}>
              <DatePicker style={{ width: '100%' }} format={DATE} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="lastElectionOn" label={t('org.field.lastElectionOn')}>
              <DatePicker style={{ width: '100%' }} format={DATE} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="termYears" label={t('org.field.termYears')}>
              <InputNumber min={1} max={enums.maxTermYears} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="contactName" label={t('org.field.contactName')}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="contactPhone" label={t('org.field.contactPhone')}>
              <Input
                inputMode="tel"
                autoComplete="off"
                maxLength={20}
                placeholder={
                  editing?.contactPhoneMasked
                    ? t('org.phoneKeep', { phone: editing.contactPhoneMasked })
                    : undefined
                }
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
