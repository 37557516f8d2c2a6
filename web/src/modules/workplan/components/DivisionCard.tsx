import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, InputNumber, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../i18n';
import { updateTask } from '../api/task-api';
import { useDepartments } from '../hooks/useDepartments';
import { usePlaceFieldErrors } from '../hooks/usePlaceFieldErrors';
import type { TaskDetail } from '../types/workplan';

type Values = { leadDepartmentId?: number; cooperatingDepartmentIds: number[]; dueOn?: Dayjs | null; weight: number };

const FIELDS = ['leadDepartmentId', 'cooperatingDepartmentIds', 'dueOn', 'weight'];

/** 责任分工: the lead and cooperating departments, the due date and the task's weight in its section. */
export function DivisionCard({ detail, onChanged }: { detail: TaskDetail; onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const placeErrors = usePlaceFieldErrors();
  const departments = useDepartments(detail.plan.orgId);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { task, plan } = detail;
  const lead = Form.useWatch('leadDepartmentId', form);
  const options = (departments.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }));

  const submit = async (values: Values) => {
    setSaving(true);
    setRefusal(null);
    try {
      await updateTask(task.id, {
        leadDepartmentId: values.leadDepartmentId ?? null,
        cooperatingDepartmentIds: values.cooperatingDepartmentIds.filter((id) => id !== values.leadDepartmentId),
        dueOn: values.dueOn ? values.dueOn.format('YYYY-MM-DD') : null,
        weight: values.weight,
      });
      message.success(t('workplan.division.saved'));
      onChanged();
    } catch (err) {
      setRefusal(placeErrors(form, err, (field) => (FIELDS.includes(field) ? field : null)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t('workplan.division.title')}>
      <Form<Values>
        name="wpDivision"
        form={form}
        layout="vertical"
        autoComplete="off"
        initialValues={{
          leadDepartmentId: task.leadDepartment?.id,
          cooperatingDepartmentIds: task.cooperatingDepartments.map((d) => d.id),
          dueOn: task.dueOn ? dayjs(task.dueOn) : null,
          weight: task.weight,
        }}
        onValuesChange={() => setRefusal(null)}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="leadDepartmentId" label={t('workplan.col.lead')}>
          <Select allowClear loading={departments.loading} options={options} placeholder={t('workplan.division.pick')} />
        </Form.Item>
        <Form.Item name="cooperatingDepartmentIds" label={t('workplan.task.cooperating')}>
          <Select mode="multiple" allowClear loading={departments.loading} options={options.filter((o) => o.value !== lead)} placeholder={t('workplan.division.pick')} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('workplan.col.due')} extra={t('workplan.division.dueHint')}>
          <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" disabledDate={(d) => d.year() < plan.year} />
        </Form.Item>
        <Form.Item name="weight" label={t('workplan.task.weight')} extra={t('workplan.division.weightHint')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} style={{ width: 140 }} />
        </Form.Item>
        {departments.data && options.length === 0 && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('workplan.division.noDepartments')}
          </Typography.Paragraph>
        )}
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('common.save')}
        </Button>
      </Form>
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} style={{ marginTop: 12 }} />}
    </Card>
  );
}
