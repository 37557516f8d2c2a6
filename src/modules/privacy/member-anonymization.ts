import { sql, type Kysely } from 'kysely';
import { appendAudit, systemActor } from '../../platform/audit/audit-log.ts';
import type { Database, MemberRow, MemberUpdate } from '../../platform/db/schema.ts';
import { rule } from '../../platform/rules/rules.ts';

/** The name an anonymized record carries (the column may not be empty). */
export const ANONYMIZED_NAME = '（已匿名化）';

/**
 * What anonymization does to each personal column of the member row (PII_REGISTRY, table member):
 * `replace` computes the new value; `keep` says why the value stays — a coarse attribute counted in
 * statistics that does not identify the person once name, numbers, dates and places are gone.
 * A test holds this list against the registry, so a new personal column must be decided here.
 */
export const MEMBER_ANONYMIZATION: Record<string, { replace: (row: MemberRow) => unknown } | { keep: string }> = {
  name: { replace: () => ANONYMIZED_NAME },
  name_initials: { replace: () => '' },
  id_type: { keep: '证件类型（居民身份证/其他），统计用，不识别个人 / kind of document only' },
  id_number_enc: { replace: () => '' },
  id_number_index: { replace: () => '' },
  id_number_masked: { replace: () => '' },
  // The birth year is what member statistics count; day and month go.
  birth_date: { replace: (row) => `${row.birth_date.slice(0, 4)}-01-01` },
  sex: { keep: '性别统计 / counted by sex' },
  ethnicity: { keep: '民族统计 / counted by ethnicity' },
  political_status: { keep: '政治面貌统计 / counted by political status' },
  joined_party_on: { replace: () => null },
  education_full_time: { replace: () => null },
  education_highest: { replace: () => null },
  occupation: { keep: '职业类别统计 / counted by occupation category' },
  workplace: { replace: () => null },
  household: { replace: () => null },
  income_band: { replace: () => null },
  phone_enc: { replace: () => null },
  phone_index: { replace: () => null },
  phone_masked: { replace: () => null },
  // The year of joining stays for the League's statistics by year; the month goes.
  joined_league_on: { replace: (row) => `${row.joined_league_on.slice(0, 4)}-01` },
  development_number: { replace: () => null },
  league_post: { replace: () => null },
  is_cadre: { replace: () => 0 },
  cadre_nature: { replace: () => null },
  volunteer_registered_on: { replace: () => null },
  status: { keep: '团籍状态统计（离团方式） / counted by status' },
  dues_monthly_fen: { replace: () => null },
  dues_paid_through: { keep: '团费台账的收缴月份（财务记录） / the dues ledger\'s months' },
};

/** A member due for anonymization: left the League (or the province) before the cutoff. */
export type DueMember = { id: number; orgPath: string; status: string; leftAt: string };

const LEFT_STATUSES = ['aged_out', 'lapsed', 'withdrawn', 'expelled', 'transferred_out'] as const;

/** The instant N years before `now` (calendar years, UTC). */
export function yearsBeforeInstant(now: Date, years: number): string {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString();
}

/**
 * Members whose 团籍 ended (离团, 脱团, 退团, 开除, or transferred out of the province) more than
 * privacy.memberRetentionYears ago and who are not yet anonymized. The date of leaving is that of
 * the status change that set the present status, else the record's last update.
 */
export async function membersDueForAnonymization(db: Kysely<Database>, now: Date): Promise<{ cutoff: string; members: DueMember[] }> {
  const cutoff = yearsBeforeInstant(now, rule('privacy.memberRetentionYears'));
  const leftAt = sql<string>`coalesce((select max(c.at) from member_status_change c where c.member_id = member.id and c.to_status = member.status), member.updated_at)`;
  const rows = await db
    .selectFrom('member')
    .select(['member.id', 'member.org_path', 'member.status', leftAt.as('left_at')])
    .where('member.is_active', '=', 0)
    .where('member.status', 'in', [...LEFT_STATUSES])
    .where('member.anonymized_at', 'is', null)
    .where(sql<boolean>`${leftAt} < ${cutoff}`)
    .orderBy('member.id')
    .execute();
  return { cutoff, members: rows.map((r) => ({ id: r.id, orgPath: r.org_path, status: r.status, leftAt: r.left_at })) };
}

/**
 * 匿名化 (LAW-01, PIPL Art. 47 ¶1(2) 保存期限已届满): replace the member's personal data, keep the row
 * for statistics, and clear what other tables say about the person in free text. One transaction per
 * member, audited without the content (no name, no numbers). The sealed ledgers (dues payments,
 * transfer events) keep their rows: they are financial and transfer records under their own MAC.
 */
export async function anonymizeMember(db: Kysely<Database>, auditKey: Buffer, due: DueMember, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('member').selectAll().where('id', '=', due.id).where('anonymized_at', 'is', null).executeTakeFirst();
    if (!row) return; // another node did it meanwhile
    const patch: Record<string, unknown> = { anonymized_at: now.toISOString(), updated_at: now.toISOString() };
    for (const [column, action] of Object.entries(MEMBER_ANONYMIZATION)) {
      if ('replace' in action) patch[column] = action.replace(row);
    }
    await trx.updateTable('member').set(patch as MemberUpdate).where('id', '=', row.id).execute();
    await trx.updateTable('member_status_change').set({ reason: '' }).where('member_id', '=', row.id).execute();
    await trx.updateTable('evaluation_entry').set({ note: null }).where('member_id', '=', row.id).execute();
    await trx.updateTable('transfer').set({ member_name: ANONYMIZED_NAME, reason_text: null, outside_destination: null }).where('member_id', '=', row.id).execute();
    await trx.updateTable('dues_assessment').set({ income_fen: null, reason: null }).where('member_id', '=', row.id).execute();
    await trx.updateTable('subject_request').set({ proposed_value_enc: null, note: '', decision_reason: null }).where('member_id', '=', row.id).execute();
    // The member's own account: signed out, disabled and no longer tied to the record.
    const accounts = await trx.selectFrom('app_user').select('id').where('member_id', '=', row.id).execute();
    for (const account of accounts) {
      await trx.deleteFrom('session').where('user_id', '=', account.id).execute();
      await trx.updateTable('app_user').set({ display_name: ANONYMIZED_NAME, status: 'disabled', member_id: null }).where('id', '=', account.id).execute();
    }
    await appendAudit(trx, auditKey, systemActor, {
      action: 'privacy.anonymize', orgPath: row.org_path, targetType: 'member', targetId: row.id,
      detail: { status: row.status, leftOn: due.leftAt.slice(0, 10), retentionYears: rule('privacy.memberRetentionYears'), accountsDisabled: accounts.length },
    });
  });
}
