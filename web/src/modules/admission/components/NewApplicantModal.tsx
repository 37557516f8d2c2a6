import { useState } from 'react';
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { todayInChina } from '../../common/utils/today-in-china';
import { MemberIdentityFields } from '../../members/components/MemberIdentityFields';
import { useMemberEnums } from '../../members/hooks/useMemberEnums';
import { derivesIdentity, RESIDENT_ID } from '../../members/utils/id-types';
import { DATE } from '../../members/utils/member-form';
import { normalizeResidentId } from '../../members/utils/resident-id';
import { createApplicant } from '../api/admission-api';
import { useAdmissionMeta } from '../hooks/useAdmissionMeta';
import type { ApplicantDetail } from '../types/admission';

type Values = {
  orgName: string;
  name: string;
  idType: string;
  idNumber?: string;
  birthDate?: Dayjs | null;
  sex?: 'male' | 'female';
  phone?: string;
  ethnicity?: string;
  occupation?: string;
  source?: string;
  score?: number | null;
  appliedOn?: Dayjs | null;
};

/** Form item names are the API's field names, so that its errors land on them. */
const API_FIELDS = ['name', 'idType', 'idNumber', 'birthDate', 'sex', 'phone', 'ethnicity', 'occupation', 'source', 'score', 'appliedOn'] as const;

const half = { xs: 24, sm: 12 };
const afterToday = (day: Dayjs) => day.isAfter(dayjs(todayInChina()), 'day');

type Props = {
  branch: { id: number; name: string };
  onClose: () => void;
  onCreated: (applicant: ApplicantDetail) => void;
};

/**
 * 登记入团申请 (第一步 提交入团申请书): who applies, how they were put forward and the date the
 * written application was handed in. The server checks the age on that day (14 to under 28).
 */
export function NewApplicantModal({ branch, onClose, onCreated }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const applyErrors = useApiFieldErrors();
  const enums = useMemberEnums();
  const { meta, source } = useAdmissionMeta();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setSaving(true);
    setRefusal(null);
    const resident = derivesIdentity(values.idType);
    try {
      const created = await createApplicant({
        orgId: branch.id,
        name: values.name.trim(),
        idType: resident ? 'resident' : 'foreign',
        idNumber: resident ? normalizeResidentId(values.idNumber ?? '') : (values.idNumber ?? '').trim(),
        birthDate: resident ? undefined : values.birthDate?.format(DATE),
        sex: resident ? undefined : values.sex,
        phone: values.phone?.replace(/[\s-]/g, '') || null,
        ethnicity: values.ethnicity!,
        occupation: values.occupation!,
        source: values.source!,
        score: values.score ?? null,
        appliedOn: values.appliedOn!.format(DATE),
      });
      message.success(t('admission.new.done', { name: created.name }));
      onCreated(created);
    } catch (err) {
      // A resident ID shows no birth date or sex boxes: errors about them belong in the alert.
      const onScreen = resident ? API_FIELDS.filter((f) => f !== 'birthDate' && f !== 'sex') : API_FIELDS;
      setRefusal(applyErrors(form, err, onScreen));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('admission.new.title')}
      okText={t('admission.new.submit')}
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
        requiredMark
        autoComplete="off"
        scrollToFirstError
        initialValues={{ orgName: branch.name, idType: RESIDENT_ID, appliedOn: dayjs(todayInChina()) }}
        onValuesChange={() => setRefusal(null)}
        onFinish={(values) => void submit(values)}
      >
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="orgName" label={t('member.field.branch')}>
              <Input readOnly variant="filled" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="name" label={t('member.field.name')} rules={[{ required: true, whitespace: true, message: t('member.required.name') }]}>
              <Input maxLength={30} autoFocus />
            </Form.Item>
          </Col>
          <MemberIdentityFields editing={null} />
          <Col {...half}>
            <Form.Item name="ethnicity" label={t('member.field.ethnicity')} rules={[{ required: true, message: t('member.required.ethnicity') }]}>
              <Select loading={enums.loading} options={enums.options('ethnicities')} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="occupation" label={t('member.field.occupation')} rules={[{ required: true, message: t('member.required.occupation') }]}>
              <Select loading={enums.loading} options={enums.options('occupations')} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="phone"
              label={t('member.field.phone')}
              normalize={(value: string) => value.replace(/[^\d\s-]/g, '')}
              rules={[
                {
                  validator: (_, value?: string) => {
                    const digits = value?.replace(/[\s-]/g, '') ?? '';
                    return !digits || /^1[3-9]\d{9}$/.test(digits) ? Promise.resolve() : Promise.reject(new Error(t('member.invalid.phone')));
                  },
                },
              ]}
            >
              <Input inputMode="tel" maxLength={13} className="tw-mono" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="appliedOn"
              label={t('admission.field.appliedOn')}
              rules={[{ required: true, message: t('admission.required.date') }]}
              extra={t('admission.new.appliedOnHint')}
            >
              <DatePicker format={DATE} disabledDate={afterToday} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="source" label={t('admission.field.source')} rules={[{ required: true, message: t('admission.required.source') }]}>
              <Select options={(meta?.sources ?? []).map((s) => ({ value: s.code, label: source(s.code) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="score" label={t('admission.field.score')} extra={t('admission.new.scoreHint')}>
              <InputNumber min={0} max={10000} precision={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} />}
    </Modal>
  );
}
