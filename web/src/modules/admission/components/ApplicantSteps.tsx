import { Steps, Tag } from 'antd';
import { useT } from '../../../i18n';
import { useAdmissionMeta } from '../hooks/useAdmissionMeta';
import { useMemberNames } from '../hooks/useMemberNames';
import type { ApplicantDetail } from '../types/admission';
import { StepRecordDetail } from './StepRecordDetail';

/**
 * 全过程纪实: the ten steps, each done one with its date, who recorded it and what it needed; the
 * next one marked as under way; a stopped application shows where it ended.
 */
export function ApplicantSteps({ applicant }: { applicant: ApplicantDetail }) {
  const t = useT();
  const { meta, stepName } = useAdmissionMeta();
  const names = useMemberNames([...(applicant.facts.contactMemberIds ?? []), ...(applicant.facts.sponsorMemberIds ?? [])]);
  const stopped = applicant.status === 'stopped';
  // The latest record of each step is the one that stands.
  const recordOf = (step: number) => applicant.steps.filter((s) => s.step === step && s.action === 'complete').at(-1);

  return (
    <Steps
      orientation="vertical"
      size="small"
      current={Math.min(applicant.step, 9)}
      items={(meta?.steps ?? []).map((s) => {
        const done = s.step <= applicant.step;
        const next = !stopped && s.step === applicant.nextStep;
        return {
          key: s.step,
          status: done ? 'finish' : next ? 'process' : stopped && s.step === applicant.step + 1 ? 'error' : 'wait',
          title: (
            <span>
              {stepName(s.step)}
              {s.byParent && (
                <Tag style={{ marginInlineStart: 8 }} color={done ? undefined : 'blue'}>
                  {t('admission.byParent')}
                </Tag>
              )}
            </span>
          ),
          content: done ? <StepRecordDetail applicant={applicant} record={recordOf(s.step)} names={names} /> : next ? t('admission.stepNext') : undefined,
        };
      })}
    />
  );
}
