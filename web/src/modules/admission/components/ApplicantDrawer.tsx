import { useState, type ReactNode } from 'react';
import { Alert, Button, Descriptions, Drawer, Flex, Grid, Skeleton, Typography } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useLang, useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { useMemberEnums } from '../../members/hooks/useMemberEnums';
import { useAdmissionMeta } from '../hooks/useAdmissionMeta';
import { useApplicant } from '../hooks/useApplicant';
import type { AdmissionNotice, AdmissionNoticeKind, ApplicantDetail } from '../types/admission';
import { publishableNotice } from '../utils/notice-state';
import { ApplicantStatusTag } from './ApplicantStatusTag';
import { ApplicantSteps } from './ApplicantSteps';
import { NextStepPanel } from './NextStepPanel';
import { NoticeList } from './NoticeList';
import { NoticeObjectionsModal } from './NoticeObjectionsModal';
import { PublishNoticeModal } from './PublishNoticeModal';
import { StopApplicantModal } from './StopApplicantModal';
import { isApiError } from '../../../api/client';
import { MinorAccessGate } from '../../minors/components/MinorAccessGate';
import { MinorGrantBanner } from '../../minors/components/MinorGrantBanner';
import { MinorLabelTag } from '../../minors/components/MinorLabelTag';

type Props = {
  applicantId: number;
  onClose: () => void;
  /** After any change, so that the list can show the new step. */
  onChanged: () => void;
};

type Dialog = { kind: 'publish'; notice: AdmissionNoticeKind } | { kind: 'objections'; notice: AdmissionNotice } | { kind: 'stop' } | null;

/** One applicant: who they are, the ten steps as recorded, the notices, and the next step to take. */
export function ApplicantDrawer({ applicantId, onClose, onChanged }: Props) {
  const t = useT();
  const { lang } = useLang();
  const can = useCan();
  const errorMessage = useErrorMessage();
  const screens = Grid.useBreakpoint();
  const enums = useMemberEnums();
  const { meta, source, stepName, noticeName } = useAdmissionMeta();
  const applicant = useApplicant(applicantId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const data = applicant.data;
  // A minor's record opens only under an approval: in its place the gate to ask for one.
  const approvalRequired = isApiError(applicant.error) && applicant.error.code === 'APPROVAL_REQUIRED';

  const changed = (updated: ApplicantDetail) => {
    applicant.replace(updated);
    setDialog(null);
    onChanged();
  };

  const section = (title: string, body: ReactNode, extra?: ReactNode) => (
    <section aria-label={title}>
      <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={5} className="tw-section-title" style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {body}
    </section>
  );

  const publishable = data && meta ? publishableNotice(data, meta.notices) : undefined;
  const stopRecord = data?.steps.find((s) => s.action === 'stop');
  const none = t('common.none');

  return (
    <Drawer
      open
      title={data ? t('admission.drawerTitle', { name: data.name }) : t('admission.applicant')}
      onClose={onClose}
      size={screens.md === false ? '100%' : 760}
      destroyOnHidden
      extra={
        data && data.status === 'in_progress' && can('admission.manage') ? (
          <Button danger icon={<StopOutlined />} onClick={() => setDialog({ kind: 'stop' })}>
            {t('admission.stop.open')}
          </Button>
        ) : undefined
      }
    >
      {approvalRequired && <MinorAccessGate subject={{ type: 'applicant', id: applicantId }} onRetry={applicant.reload} />}
      {applicant.error !== null && !approvalRequired && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(applicant.error)}
          action={
            <Button size="small" onClick={applicant.reload}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {!data && applicant.error === null && <Skeleton active />}
      {data && (
        <Flex vertical gap={24}>
          <MinorGrantBanner subject={{ type: 'applicant', id: data.id }} labels={data.labels} />
          {stopRecord && (
            <Alert
              type="warning"
              showIcon
              title={t('admission.stoppedAt', { date: stopRecord.onDate ?? '', step: stepName(data.step) })}
              description={String(stopRecord.detail.reason ?? '')}
            />
          )}
          {data.status === 'admitted' && data.developmentNumber && (
            <Alert type="success" showIcon title={t('admission.admittedAs', { number: data.developmentNumber })} />
          )}
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2 }}
            styles={{ label: { width: lang === 'en-US' ? 150 : 112 } }}
            items={[
              { key: 'branch', label: t('member.field.branch'), children: <>{data.orgName} <MinorLabelTag labels={data.labels} /></>, span: { xs: 1, sm: 2 } },
              { key: 'id', label: t('member.field.idNumber'), children: <span className="tw-mono">{data.idNumberMasked}</span> },
              { key: 'birth', label: t('member.field.birthDate'), children: data.birthDate },
              { key: 'ethnicity', label: t('member.field.ethnicity'), children: enums.label('ethnicities', data.profile.ethnicity) || none },
              { key: 'occupation', label: t('member.field.occupation'), children: enums.label('occupations', data.profile.occupation) || none },
              { key: 'source', label: t('admission.field.source'), children: source(data.source) },
              { key: 'score', label: t('admission.field.score'), children: data.score ?? none },
              { key: 'status', label: t('admission.col.status'), children: <ApplicantStatusTag status={data.status} /> },
              { key: 'phone', label: t('member.field.phone'), children: data.phoneMasked ? <span className="tw-mono">{data.phoneMasked}</span> : none },
            ]}
          />
          {data.nextStep !== null &&
            data.status !== 'stopped' &&
            section(
              t('admission.next.title', { step: data.nextStep, name: stepName(data.nextStep) }),
              <NextStepPanel applicant={data} onDone={changed} onPublish={(notice) => setDialog({ kind: 'publish', notice })} />,
            )}
          {section(t('admission.section.steps'), <ApplicantSteps applicant={data} />)}
          {section(
            t('admission.section.notices'),
            <NoticeList notices={data.notices} onObjections={can('admission.manage') && data.status !== 'stopped' ? (notice) => setDialog({ kind: 'objections', notice }) : undefined} />,
            publishable && can('admission.manage') ? (
              <Button size="small" type="primary" ghost onClick={() => setDialog({ kind: 'publish', notice: publishable })}>
                {t('admission.notice.publishKind', { notice: noticeName(publishable.code) })}
              </Button>
            ) : undefined,
          )}
        </Flex>
      )}
      {data && dialog?.kind === 'publish' && (
        <PublishNoticeModal applicant={data} kind={dialog.notice} onClose={() => setDialog(null)} onPublished={changed} />
      )}
      {data && dialog?.kind === 'objections' && (
        <NoticeObjectionsModal
          notice={dialog.notice}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            applicant.reload();
            onChanged();
          }}
        />
      )}
      {data && dialog?.kind === 'stop' && <StopApplicantModal applicant={data} onClose={() => setDialog(null)} onStopped={changed} />}
    </Drawer>
  );
}
