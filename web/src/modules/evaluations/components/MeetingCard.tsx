import { useState } from 'react';
import { Alert, App, Button, DatePicker, Descriptions, Flex, Form, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { todayInChina } from '../../common/utils/today-in-china';
import { recordMeeting } from '../api/evaluation-api';
import type { EvaluationCycleDetail, EvaluationRules } from '../types/evaluation';
import { fewestAttendees } from '../utils/entry-draft';

type Values = { meetingOn: Dayjs | null; attendees: number | null };

type Props = {
  cycle: EvaluationCycleDetail;
  rules: EvaluationRules;
  /** Undefined: read only. */
  onSaved?: (cycle: EvaluationCycleDetail) => void;
};

/**
 * 评议大会: the date and how many attended. The meeting counts only with more than two thirds of
 * the branch present; the figure needed is worked out here from the branch's headcount.
 */
export function MeetingCard({ cycle, rules, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const applyErrors = useApiFieldErrors();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const min = fewestAttendees(cycle.branchMembers, rules.quorumPercent);
  const typed = Form.useWatch('attendees', form);
  const rule = t('evaluation.meeting.rule', { members: cycle.branchMembers, min });

  const submit = async (values: Values) => {
    if (!values.meetingOn || values.attendees === null) return;
    setSaving(true);
    setRefusal(null);
    try {
      const updated = await recordMeeting(cycle.id, values.meetingOn.format('YYYY-MM-DD'), values.attendees);
      message.success(t('evaluation.meeting.saved'));
      onSaved?.(updated);
    } catch (err) {
      setRefusal(applyErrors(form, err, ['meetingOn', 'attendees']));
    } finally {
      setSaving(false);
    }
  };

  if (!onSaved) {
    return (
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'on', label: t('evaluation.field.meetingOn'), children: cycle.meetingOn ?? t('evaluation.meeting.none') },
          {
            key: 'attendees',
            label: t('evaluation.field.attendees'),
            children:
              cycle.attendees === null ? t('common.none') : t('evaluation.meeting.attendance', { attendees: cycle.attendees, members: cycle.branchMembers }),
          },
        ]}
      />
    );
  }

  return (
    <Form<Values>
      form={form}
      layout="inline"
      initialValues={{ meetingOn: cycle.meetingOn ? dayjs(cycle.meetingOn) : null, attendees: cycle.attendees }}
      onValuesChange={() => setRefusal(null)}
      onFinish={(values) => void submit(values)}
      style={{ rowGap: 8 }}
    >
      <Flex vertical gap={8} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{rule}</Typography.Text>
        <Flex wrap gap={8} align="start">
          <Form.Item name="meetingOn" label={t('evaluation.field.meetingOn')} rules={[{ required: true, message: t('evaluation.required.meetingOn') }]}>
            <DatePicker format="YYYY-MM-DD" disabledDate={(day) => day.isAfter(dayjs(todayInChina()), 'day')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="attendees"
            label={t('evaluation.field.attendees')}
            rules={[{ required: true, message: t('evaluation.required.attendees') }]}
            validateStatus={typed !== null && typed !== undefined && typed < min ? 'warning' : undefined}
            help={typed !== null && typed !== undefined && typed < min ? t('evaluation.meeting.tooFew', { min }) : undefined}
          >
            <InputNumber min={0} max={cycle.branchMembers} precision={0} suffix={t('evaluation.peopleOf', { members: cycle.branchMembers })} style={{ width: 150 }} />
          </Form.Item>
          <Button htmlType="submit" loading={saving}>
            {t('evaluation.meeting.save')}
          </Button>
        </Flex>
        {refusal && <Alert type="error" showIcon role="alert" title={refusal} />}
      </Flex>
    </Form>
  );
}
