import type { Db } from '../../platform/db/connect.ts';
import { rule } from '../../platform/rules/rules.ts';
import { anonymizeApplicant, applicantsDueForAnonymization } from './applicant-anonymization.ts';
import { purgeExpiredAudit, type AuditPurgeReport } from './audit-retention.ts';
import { anonymizeMember, membersDueForAnonymization } from './member-anonymization.ts';

/** What one retention run did. */
export type RetentionReport = {
  now: string;
  dryRun: boolean;
  audit: AuditPurgeReport;
  members: { retentionYears: number; cutoff: string; due: number; anonymized: number };
  /** Stopped applications (中止的入团申请); admitted ones stay with the member record. */
  applicants: { retentionYears: number; cutoff: string; due: number; anonymized: number };
};

/**
 * 保存期限任务 (DOMAIN §12 LAW-01, DB-10, LAW-11): anonymize member records and stopped applications
 * past their retention, then purge audit entries past theirs (after the anonymizations, whose own entries are new).
 * `now` is a parameter so that tests run it on a fixed clock.
 */
export async function runRetention(deps: { db: Db; auditKey: Buffer }, options: { now: Date; dryRun?: boolean }): Promise<RetentionReport> {
  const { cutoff, members } = await membersDueForAnonymization(deps.db, options.now);
  const stopped = await applicantsDueForAnonymization(deps.db, options.now);
  let anonymized = 0;
  let applicantsAnonymized = 0;
  if (!options.dryRun) {
    for (const member of members) {
      await anonymizeMember(deps.db, deps.auditKey, member, options.now);
      anonymized++;
    }
    for (const applicant of stopped.applicants) {
      await anonymizeApplicant(deps.db, deps.auditKey, applicant, options.now);
      applicantsAnonymized++;
    }
  }
  const audit = await purgeExpiredAudit(deps.db, deps.auditKey, { now: options.now, dryRun: options.dryRun });
  return {
    now: options.now.toISOString(), dryRun: options.dryRun === true, audit,
    members: { retentionYears: rule('privacy.memberRetentionYears'), cutoff, due: members.length, anonymized },
    applicants: {
      retentionYears: rule('privacy.stoppedApplicantRetentionYears'), cutoff: stopped.cutoff, due: stopped.applicants.length, anonymized: applicantsAnonymized,
    },
  };
}
