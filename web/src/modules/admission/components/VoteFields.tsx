import { Alert, Col, Form, InputNumber, Row, Typography } from 'antd';
import { useT } from '../../../i18n';
import type { AdmissionRules } from '../types/admission';
import type { StepFormValues } from '../utils/step-request';
import { fewestInFavour, fewestPresent } from '../utils/vote-rules';

type Props = {
  rules: AdmissionRules;
  /** Members in good standing of the branch; null while loading. */
  branchMembers: number | null;
};

const quarter = { xs: 12, sm: 6 };

/**
 * 支部大会无记名投票: attendance and the tally. Above the boxes, what the rules ask of this branch in
 * numbers (the quorum on its headcount, the majority on those present), and whether the figures
 * typed meet them; the server decides.
 */
export function VoteFields({ rules, branchMembers }: Props) {
  const t = useT();
  const form = Form.useFormInstance<StepFormValues>();
  const present = Form.useWatch('votePresent', form) ?? null;
  const inFavour = Form.useWatch('voteInFavour', form) ?? null;
  const minPresent = branchMembers === null ? null : fewestPresent(branchMembers, rules.quorumPercent);
  const minFavour = present === null ? null : fewestInFavour(present, rules.passPercent);

  const verdict =
    present === null || inFavour === null || minPresent === null || minFavour === null
      ? null
      : present < minPresent
        ? { ok: false, text: t('admission.vote.noQuorum', { min: minPresent }) }
        : inFavour < minFavour
          ? { ok: false, text: t('admission.vote.notPassed', { min: minFavour }) }
          : { ok: true, text: t('admission.vote.passes') };

  const count = (name: keyof StepFormValues, label: string, required: boolean) => (
    <Col {...quarter}>
      <Form.Item name={name} label={label} rules={required ? [{ required: true, message: t('admission.required.count') }] : undefined}>
        <InputNumber min={0} max={100000} precision={0} suffix={t('admission.people')} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );

  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={
          branchMembers === null
            ? t('admission.vote.loadingMembers')
            : t('admission.vote.branchMembers', { members: branchMembers, quorum: rules.quorumPercent, min: minPresent ?? 0 })
        }
        description={t('admission.vote.majority', { pass: rules.passPercent })}
      />
      <Row gutter={12}>
        {count('votePresent', t('admission.field.present'), true)}
        {count('voteInFavour', t('admission.field.inFavour'), true)}
        {count('voteAgainst', t('admission.field.against'), false)}
        {count('voteAbstain', t('admission.field.abstain'), false)}
      </Row>
      {verdict && (
        <Typography.Paragraph type={verdict.ok ? 'success' : 'danger'} style={{ marginTop: -8 }}>
          {verdict.text}
        </Typography.Paragraph>
      )}
    </>
  );
}
