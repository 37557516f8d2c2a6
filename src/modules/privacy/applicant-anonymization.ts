import { sql, type Kysely, type Updateable } from 'kysely';
import { appendAudit, systemActor } from '../../platform/audit/audit-log.ts';
import type { ApplicantRow, ApplicantTable, Database } from '../../platform/db/schema.ts';
import { rule } from '../../platform/rules/rules.ts';
import { ANONYMIZED_NAME, yearsBeforeInstant } from './member-anonymization.ts';

/** The 民族 and 职业 of the profile stay (counted like a member's); 学历 and 户籍 go. */
function coarseProfile(row: ApplicantRow): string {
  const profile = JSON.parse(row.profile) as { ethnicity?: string; occupation?: string };
  return JSON.stringify({ ethnicity: profile.ethnicity ?? null, occupation: profile.occupation ?? null, educationFullTime: null, household: null });
}

/** The dates of the steps stay (how long applications took); reports, ballots, hours and the people named go. */
function stepDatesOnly(row: ApplicantRow): string {
  const facts = JSON.parse(row.facts) as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(Object.entries(facts).filter(([key, value]) => /On$/.test(key) && typeof value === 'string')));
}

/**
 * What anonymization does to each personal column of a stopped application (PII_REGISTRY, table
 * applicant), like MEMBER_ANONYMIZATION: `replace` computes the new value; `keep` says why the value
 * stays. The resident ID's ciphertext and blind index are emptied, so the duplicate check (which looks
 * for that blind index) can never match the anonymized row when the person applies again. A test holds
 * this list against the registry, so a new personal column must be decided here.
 */
export const APPLICANT_ANONYMIZATION: Record<string, { replace: (row: ApplicantRow) => unknown } | { keep: string }> = {
  name: { replace: () => ANONYMIZED_NAME },
  id_type: { keep: '证件类型（居民身份证/其他），统计用，不识别个人 / kind of document only' },
  id_number_enc: { replace: () => '' },
  id_number_index: { replace: () => '' },
  id_number_masked: { replace: () => '' },
  // The birth year stays for the statistics by age; day and month go.
  birth_date: { replace: (row) => `${row.birth_date.slice(0, 4)}-01-01` },
  sex: { keep: '性别统计 / counted by sex' },
  phone_enc: { replace: () => null },
  phone_masked: { replace: () => null },
  profile: { replace: coarseProfile },
  facts: { replace: stepDatesOnly },
  score: { replace: () => null },
  development_number: { replace: () => null },
  created_by: { keep: '受理的团干部账号，不是申请人本人 / the cadre who took the application, not the applicant' },
};

/** A stopped application due for anonymization. */
export type DueApplicant = { id: number; orgPath: string; stoppedAt: string };

/**
 * Applications stopped (中止) more than privacy.stoppedApplicantRetentionYears ago and not yet
 * anonymized. The date of the stop is that of the 'stop' step, else the record's last update.
 * Admitted applicants are not touched: their record lives on in the member's.
 */
export async function applicantsDueForAnonymization(db: Kysely<Database>, now: Date): Promise<{ cutoff: string; applicants: DueApplicant[] }> {
  const cutoff = yearsBeforeInstant(now, rule('privacy.stoppedApplicantRetentionYears'));
  const stoppedAt = sql<string>`coalesce((select max(s.at) from applicant_step s where s.applicant_id = applicant.id and s.action = 'stop'), applicant.updated_at)`;
  const rows = await db
    .selectFrom('applicant')
    .select(['applicant.id', 'applicant.org_path', stoppedAt.as('stopped_at')])
    .where('applicant.status', '=', 'stopped')
    .where('applicant.is_open', '=', 0)
    .where('applicant.member_id', 'is', null)
    .where('applicant.anonymized_at', 'is', null)
    .where(sql<boolean>`${stoppedAt} < ${cutoff}`)
    .orderBy('applicant.id')
    .execute();
  return { cutoff, applicants: rows.map((r) => ({ id: r.id, orgPath: r.org_path, stoppedAt: r.stopped_at })) };
}

/**
 * 匿名化 of a stopped application (LAW-01, PIPL Art. 47 ¶1(2)): replace the applicant's personal
 * data, keep the row and its dated steps for the admission statistics, and clear what other tables
 * say about the person in free text (the steps' details, the notices' objections, the name on a
 * request to see a minor's record). One transaction per applicant, audited without the content.
 */
export async function anonymizeApplicant(db: Kysely<Database>, auditKey: Buffer, due: DueApplicant, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('applicant').selectAll()
      .where('id', '=', due.id).where('status', '=', 'stopped').where('anonymized_at', 'is', null).executeTakeFirst();
    if (!row) return; // another node did it meanwhile
    const patch: Record<string, unknown> = { anonymized_at: now.toISOString(), updated_at: now.toISOString() };
    for (const [column, action] of Object.entries(APPLICANT_ANONYMIZATION)) {
      if ('replace' in action) patch[column] = action.replace(row);
    }
    await trx.updateTable('applicant').set(patch as Updateable<ApplicantTable>).where('id', '=', row.id).execute();
    // The steps keep their number, action, date and who recorded them; what they recorded (reports, people, the reason to stop) goes.
    await trx.updateTable('applicant_step').set({ detail: '{}' }).where('applicant_id', '=', row.id).execute();
    await trx.updateTable('admission_notice').set({ objections: null }).where('applicant_id', '=', row.id).execute();
    await trx.updateTable('minor_access_grant').set({ subject_label: ANONYMIZED_NAME })
      .where('subject_type', '=', 'applicant').where('subject_id', '=', row.id).execute();
    await appendAudit(trx, auditKey, systemActor, {
      action: 'privacy.anonymize', orgPath: row.org_path, targetType: 'applicant', targetId: row.id,
      detail: { status: row.status, stoppedOn: due.stoppedAt.slice(0, 10), retentionYears: rule('privacy.stoppedApplicantRetentionYears') },
    });
  });
}
