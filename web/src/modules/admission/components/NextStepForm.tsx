import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { isApiError } from '../../../api/client';
import { useLang, useT } from '../../../i18n';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { todayInChina } from '../../common/utils/today-in-china';
import { renameApiFields } from '../../dues/utils/rename-api-fields';
import { completeStep } from '../api/admission-api';
import { useAdmissionMeta } from '../hooks/useAdmissionMeta';
import { useBranchMembers } from '../hooks/useBranchMembers';
import type { AdmissionRules, ApplicantDetail, StepNo } from '../types/admission';
import { lastStepDate } from '../utils/last-step-date';
import { ratioWarningOf } from '../utils/ratio-warning';
import { STEP_FIELD_NAMES, STEP_FORM_FIELDS, stepRequest, type StepFormValues } from '../utils/step-request';
import { BranchMemberSelect } from './BranchMemberSelect';
import { VoteFields } from './VoteFields';

type Props = {
  applicant: ApplicantDetail;
  step: number;
  rules: AdmissionRules;
  onDone: (applicant: ApplicantDetail) => void;
};

/**
 * The form of the next step, with exactly what that step records: always its date; the hours of
 * training (3), one or two contact members (4), the written report (5), two sponsors (7), the
 * ballot (8). The minimums are explained beside the boxes and left to the server to enforce, so
 * that its message, naming the rule, lands on the field. An approval that would pass a school's
 * 团青比 cap asks for confirmation and is sent again with it.
 */
export function NextStepForm({ applicant, step, rules, onDone }: Props) {
  const t = useT();
  const { lang } = useLang();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<StepFormValues>();
  const applyErrors = useApiFieldErrors();
  const { stepName, stage } = useAdmissionMeta();
  // The message keys exist for the ten steps; the server never offers another.
  const stepNo = step as StepNo;
  const needsMembers = step === 4 || step === 7 || step === 8;
  const branch = useBranchMembers(needsMembers ? applicant.orgId : null);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const today = dayjs(todayInChina());
  const previous = lastStepDate(applicant.facts);
  const outOfRange = (day: Dayjs) => day.isAfter(today, 'day') || (previous !== null && day.isBefore(dayjs(previous), 'day'));
  const earliestObservationEnd = applicant.facts.activistOn
    ? dayjs(applicant.facts.activistOn).add(rules.minObservationMonths, 'month').format('YYYY-MM-DD')
    : null;

  const send = async (values: StepFormValues, confirmRatio: boolean) => {
    setSaving(true);
    setRefusal(null);
    try {
      const updated = await completeStep(applicant.id, stepRequest(step, values, confirmRatio));
      message.success(t('admission.step.done', { name: applicant.name, step: stepName(step) }));
      form.resetFields();
      onDone(updated);
    } catch (err) {
      if (isApiError(err) && err.code === 'ADMISSION_RATIO_WARNING') {
        // The figures come with the warning; the server's sentence stands in should they not.
        const ratio = ratioWarningOf(err);
        modal.confirm({
          title: t('admission.ratio.warningTitle'),
          content: ratio
            ? t('admission.ratio.warning', {
                org: ratio.orgName,
                stage: stage(ratio.stage),
                percent: ratio.percent.toFixed(1),
                cap: ratio.capPercent,
                members: ratio.members,
                youth: ratio.youth,
              })
            : lang === 'en-US'
              ? err.messageEn
              : err.messageZh,
          okText: t('admission.ratio.confirm'),
          cancelText: t('common.cancel'),
          onOk: () => send(values, true),
        });
        return;
      }
      setRefusal(applyErrors(form, renameApiFields(err, STEP_FIELD_NAMES), STEP_FORM_FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<StepFormValues>
      form={form}
      layout="vertical"
      requiredMark
      autoComplete="off"
      aria-label={stepName(step)}
      onValuesChange={() => setRefusal(null)}
      onFinish={(values) => void send(values, false)}
    >
      <Typography.Paragraph type="secondary">{t(`admission.stepHint.${stepNo}`, { ...rules })}</Typography.Paragraph>
      <Form.Item
        name="onDate"
        label={t(`admission.dateLabel.${stepNo}`)}
        rules={[{ required: true, message: t('admission.required.date') }]}
        extra={
          step === 5 && earliestObservationEnd
            ? t('admission.observation.earliest', { from: applicant.facts.activistOn ?? '', months: rules.minObservationMonths, date: earliestObservationEnd })
            : previous
              ? t('admission.dateNotBefore', { date: previous })
              : undefined
        }
      >
        <DatePicker format="YYYY-MM-DD" disabledDate={outOfRange} style={{ width: 220 }} />
      </Form.Item>
      {step === 3 && (
        <Form.Item
          name="trainingHours"
          label={t('admission.field.trainingHours')}
          rules={[{ required: true, message: t('admission.required.hours') }]}
          extra={t('admission.training.min', { hours: rules.minTrainingHours })}
        >
          <InputNumber min={0} max={1000} step={0.5} suffix={t('admission.hoursUnit')} style={{ width: 220 }} />
        </Form.Item>
      )}
      {step === 4 && (
        <Form.Item
          name="contactMemberIds"
          label={t('admission.field.contacts')}
          rules={[{ required: true, message: t('admission.required.members') }]}
          extra={t('admission.contacts.rule', { min: rules.minContacts, max: rules.maxContacts })}
        >
          <BranchMemberSelect members={branch.members} max={rules.maxContacts} />
        </Form.Item>
      )}
      {step === 5 && (
        <Form.Item
          name="observationReport"
          label={t('admission.field.observationReport')}
          rules={[{ required: true, whitespace: true, message: t('admission.required.report') }]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount placeholder={t('admission.observation.placeholder')} />
        </Form.Item>
      )}
      {step === 7 && (
        <Form.Item
          name="sponsorMemberIds"
          label={t('admission.field.sponsors')}
          rules={[{ required: true, message: t('admission.required.members') }]}
          extra={t('admission.sponsors.rule', { count: rules.sponsors })}
        >
          <BranchMemberSelect members={branch.members} max={rules.sponsors} />
        </Form.Item>
      )}
      {step === 8 && <VoteFields rules={rules} branchMembers={branch.total} />}
      {branch.error !== null && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('admission.membersUnavailable')} />}
      {refusal && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={refusal} />}
      <Button type="primary" htmlType="submit" loading={saving}>
        {step === 9 ? t('admission.step.approve') : t('admission.step.submit', { step: stepName(step) })}
      </Button>
    </Form>
  );
}
