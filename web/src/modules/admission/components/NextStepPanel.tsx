import { Alert, Button, Flex } from 'antd';
import { useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import { todayInChina } from '../../common/utils/today-in-china';
import { useAdmissionMeta } from '../hooks/useAdmissionMeta';
import type { AdmissionNoticeKind, ApplicantDetail } from '../types/admission';
import { latestNotice, noticeState } from '../utils/notice-state';
import { NextStepForm } from './NextStepForm';

type Props = {
  applicant: ApplicantDetail;
  onDone: (applicant: ApplicantDetail) => void;
  /** Opens the publication of the notice the next step waits for. */
  onPublish: (kind: AdmissionNoticeKind) => void;
};

/**
 * 办理下一步: who may take it (the branch, or the committee above for 预审 and 审批), the notice it
 * waits for and how that stands, then the step's form.
 */
export function NextStepPanel({ applicant, onDone, onPublish }: Props) {
  const t = useT();
  const can = useCan();
  const { meta, stepName, noticeName } = useAdmissionMeta();
  const step = applicant.nextStep;
  if (!meta || step === null || applicant.status === 'stopped') return null;
  const def = meta.steps.find((s) => s.step === step);
  if (!def) return null;

  if (!can(def.byParent ? 'admission.approve' : 'admission.manage')) {
    return <Alert type="info" showIcon title={t(def.byParent ? 'admission.next.forParent' : 'admission.next.forBranch', { step: stepName(step) })} />;
  }

  const kind = meta.notices.find((n) => n.code === applicant.noticeNeeded);
  const notice = kind ? latestNotice(applicant.notices, kind.code) : undefined;
  const state = notice ? noticeState(notice, todayInChina()) : null;
  const noticeAlert = kind && (
    <Alert
      type={state === 'ended' ? 'success' : 'warning'}
      showIcon
      title={
        !notice
          ? t('admission.next.noticeMissing', { notice: noticeName(kind.code) })
          : state === 'objections_open'
            ? t('admission.next.noticeObjections', { notice: noticeName(kind.code) })
            : state === 'running'
              ? t('admission.next.noticeRunning', { notice: noticeName(kind.code), end: notice.endOn })
              : t('admission.next.noticeEnded', { notice: noticeName(kind.code), end: notice.endOn })
      }
      action={
        !notice && can('admission.manage') ? (
          <Button size="small" type="primary" onClick={() => onPublish(kind)}>
            {t('admission.notice.publish')}
          </Button>
        ) : undefined
      }
    />
  );

  return (
    <Flex vertical gap={12}>
      {noticeAlert}
      <NextStepForm key={step} applicant={applicant} step={step} rules={meta.rules} onDone={onDone} />
    </Flex>
  );
}
