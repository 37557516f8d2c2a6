import { useState } from 'react';
import { Alert, App, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { OrgTreeSelect } from '../../org/components/OrgTreeSelect';
import { openIncident, updateIncident } from '../api/incident-api';
import { INCIDENT_SEVERITIES, PI_KINDS, type Incident, type IncidentFacts, type IncidentSeverity, type PiKind } from '../types/incident';
import { piKindKey, severityKey } from '../utils/incident-labels';

type Values = {
  title: string;
  severity: IncidentSeverity;
  drill: boolean;
  orgId?: number;
  detectedAt: Dayjs;
  piKinds: PiKind[];
  involvesMinors: boolean;
  affectedEstimate: number | null;
  cause: string;
  harm: string;
  remedies: string;
  individualMeasures: string;
  contact: string;
};

const FIELDS = ['title', 'severity', 'drill', 'orgId', 'detectedAt', 'piKinds', 'involvesMinors', 'affectedEstimate', 'cause', 'harm', 'remedies', 'individualMeasures', 'contact'];
const TIME = 'YYYY-MM-DD HH:mm';

/**
 * 登记安全事件 (no `incident`) or 补充事件情况 (an open one): the facts PIPL Art. 57 asks the notice
 * to state, which may be filled in as the assessment goes on. The server checks and answers per field.
 */
export function IncidentFactsModal({ incident, onClose, onDone }: { incident?: Incident; onClose: () => void; onDone: (incident: Incident) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const placeErrors = useApiFieldErrors();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const editing = incident !== undefined;

  const initial: Partial<Values> = incident
    ? {
        title: incident.title, severity: incident.severity, drill: incident.drill, detectedAt: dayjs(incident.detectedAt), piKinds: incident.piKinds,
        involvesMinors: incident.involvesMinors, affectedEstimate: incident.affectedEstimate, cause: incident.cause, harm: incident.harm,
        remedies: incident.remedies, individualMeasures: incident.individualMeasures, contact: incident.contact,
      }
    : { severity: 'ordinary', drill: false, detectedAt: dayjs(), piKinds: [], involvesMinors: false, affectedEstimate: null };

  const submit = async (values: Values) => {
    const facts: IncidentFacts = {
      ...values,
      detectedAt: values.detectedAt.toISOString(),
      affectedEstimate: values.affectedEstimate ?? null,
      cause: values.cause ?? '', harm: values.harm ?? '', remedies: values.remedies ?? '', individualMeasures: values.individualMeasures ?? '', contact: values.contact ?? '',
    };
    setSaving(true);
    try {
      const saved = editing
        ? await updateIncident(incident.id, { ...facts, orgId: undefined })
        : await openIncident({ ...facts, title: values.title, severity: values.severity, detectedAt: facts.detectedAt! });
      message.success(t(editing ? 'incidents.done.saved' : 'incidents.done.opened'));
      onDone(saved);
    } catch (err) {
      const rest = placeErrors(form, err, FIELDS);
      if (rest) message.error(rest);
    } finally {
      setSaving(false);
    }
  };

  const text = (name: keyof Values, placeholder: 'cause' | 'harm' | 'remedies' | 'individualMeasures') => (
    <Form.Item name={name} label={t(`incidents.field.${placeholder}`)}>
      <Input.TextArea rows={2} maxLength={2000} placeholder={t(`incidents.placeholder.${placeholder}`)} />
    </Form.Item>
  );

  return (
    <Modal
      open
      width={760}
      title={t(editing ? 'incidents.modal.editTitle' : 'incidents.modal.newTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(values) => void submit(values)}>
        <Alert type="info" showIcon title={t('incidents.hint.noPersonal')} style={{ marginBottom: 12 }} />
        <Form.Item name="title" label={t('incidents.field.title')} rules={[{ required: true, whitespace: true, message: t('incidents.required.title') }]}>
          <Input maxLength={100} placeholder={t('incidents.placeholder.title')} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="severity" label={t('incidents.field.severity')} tooltip={t('incidents.hint.severity')} rules={[{ required: true, message: t('incidents.required.severity') }]}>
              <Select options={INCIDENT_SEVERITIES.map((s) => ({ value: s, label: t(severityKey(s)) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="detectedAt" label={t('incidents.field.detectedAt')} rules={[{ required: true, message: t('incidents.required.detectedAt') }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format={TIME} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
        </Row>
        {!editing && (
          <Form.Item name="orgId" label={t('incidents.field.org')}>
            <OrgTreeSelect selectable={(node) => node.status === 'active'} />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="drill" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>{t('incidents.field.drill')}</Checkbox>
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="involvesMinors" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>{t('incidents.field.involvesMinors')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item name="piKinds" label={t('incidents.field.piKinds')}>
              <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={PI_KINDS.map((k) => ({ value: k, label: t(piKindKey(k)) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="affectedEstimate" label={t('incidents.field.affectedEstimate')}>
              <InputNumber min={0} max={100_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {text('cause', 'cause')}
        {text('harm', 'harm')}
        {text('remedies', 'remedies')}
        {text('individualMeasures', 'individualMeasures')}
        <Form.Item name="contact" label={t('incidents.field.contact')} extra={t('incidents.hint.contact')}>
          <Input maxLength={500} placeholder={t('incidents.placeholder.contact')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
