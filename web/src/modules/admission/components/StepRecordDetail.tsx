import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useAdmissionMeta } from '../hooks/useAdmissionMeta';
import type { AdmissionFacts, Applicant, ApplicantStepRecord } from '../types/admission';

type Props = {
  applicant: Applicant;
  record: ApplicantStepRecord | undefined;
  names: ReadonlyMap<number, string>;
};

/** Under a completed step: when and by whom, and what it recorded (hours, people, report, ballot, number). */
export function StepRecordDetail({ applicant, record, names }: Props) {
  const t = useT();
  const { source } = useAdmissionMeta();
  const facts: AdmissionFacts = applicant.facts;
  const nameList = (ids: number[] | undefined) => (ids ?? []).map((id) => names.get(id) ?? t('admission.memberNo', { id })).join('、');

  const lines: ReactNode[] = [];
  switch (record?.step) {
    case 1:
      lines.push(t('admission.detail.source', { source: source(applicant.source) }));
      if (applicant.score !== null) lines.push(t('admission.detail.score', { score: applicant.score }));
      break;
    case 3:
      lines.push(t('admission.detail.hours', { hours: facts.trainingHours ?? 0 }));
      break;
    case 4:
      lines.push(t('admission.detail.contacts', { names: nameList(facts.contactMemberIds) }));
      break;
    case 5:
      if (facts.observationReport) {
        lines.push(
          <Typography.Paragraph key="report" type="secondary" ellipsis={{ rows: 2, expandable: true, symbol: t('common.more') }} style={{ margin: 0, fontSize: 13 }}>
            {facts.observationReport}
          </Typography.Paragraph>,
        );
      }
      break;
    case 7:
      lines.push(t('admission.detail.sponsors', { names: nameList(facts.sponsorMemberIds) }));
      break;
    case 8:
      if (facts.vote) lines.push(t('admission.detail.vote', { ...facts.vote }));
      break;
    case 9:
      if (applicant.developmentNumber) {
        lines.push(
          <span key="no">
            {t('admission.detail.number')}
            <span className="tw-mono">{applicant.developmentNumber}</span>
          </span>,
        );
      }
      break;
  }

  if (!record) return null;
  return (
    <Flex vertical gap={2} style={{ fontSize: 13, paddingBottom: 4 }}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        <span className="tw-mono">{record.onDate}</span>
        {' · '}
        {record.postLabel ? t('admission.detail.byPost', { post: record.postLabel, user: record.actorUsername }) : record.actorUsername}
      </Typography.Text>
      {lines.map((line, i) => (
        <Typography.Text key={i} style={{ fontSize: 13 }}>
          {line}
        </Typography.Text>
      ))}
    </Flex>
  );
}
