import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { rule } from '../../platform/rules/rules.ts';
import { scopePredicate, type DataScope } from '../../platform/scope/data-scope.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { todayInChina } from '../../platform/time/china-date.ts';
import { isMinorSensitive, minorBirthCutoff } from './minor-label.ts';

/** One figure of the report: what it counts, and how, in both languages. */
export type ReportLine = { key: string; zh: string; en: string; count: number; note?: { zh: string; en: string } };

/** 未成年人个人信息保护合规审计 evidence for one calendar year (DOMAIN §12 LAW-10, 条例 Art. 37). */
export type MinorsReport = {
  year: number;
  /** The day the record counts are taken: the year's last day, or today for the current year. */
  asOf: string;
  sensitiveAge: number;
  grantHours: number;
  lines: ReportLine[];
};

/** The year in China time (UTC+8) as an ISO instant range [from, to). */
function yearWindow(year: number): { from: string; to: string } {
  return { from: new Date(Date.UTC(year - 1, 11, 31, 16)).toISOString(), to: new Date(Date.UTC(year, 11, 31, 16)).toISOString() };
}

/** Audit rows have a path and no organization id: the scope by path (本级 is the post's own path). */
function auditInScope(scope: DataScope) {
  return (eb: ExpressionBuilder<Database, 'audit_log'>): Expression<SqlBool> => {
    if (scope.kind === 'all') return sql<SqlBool>`1 = 1`;
    if (scope.kind === 'self_org') return eb('audit_log.org_path', '=', scope.postOrgPath ?? '');
    if (scope.kind === 'self' || scope.pathPrefixes.length === 0) return sql<SqlBool>`1 = 0`;
    return eb.or(scope.pathPrefixes.map((p) => eb('audit_log.org_path', 'like', `${p}%`)));
  };
}

/**
 * The year's figures within the caller's scope: labelled records held, requests and their
 * outcomes, accesses, reveals and exports under grants (from the audit log), deletions and
 * incidents. Counts only; no one's data leaves in the report.
 */
export async function minorsReport(ctx: Pick<ServiceContext, 'db' | 'scope'>, year: number, now: Date = new Date()): Promise<MinorsReport> {
  const { db, scope } = ctx;
  const today = todayInChina(now);
  const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;
  const { from, to } = yearWindow(year);
  const cutoff = minorBirthCutoff(asOf);
  const count = (r: { n: unknown } | undefined) => Number(r?.n ?? 0);

  const [members, applicants, grants, audits, deleted, anonymized, incidents] = await Promise.all([
    db.selectFrom('member').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('birth_date', '>', cutoff).where('created_at', '<', to)
      .where(scopePredicate<Database, 'member'>(scope, { path: 'member.org_path', orgId: 'member.org_id' }))
      .executeTakeFirst(),
    db.selectFrom('applicant').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('birth_date', '>', cutoff).where('created_at', '<', to)
      .where(scopePredicate<Database, 'applicant'>(scope, { path: 'applicant.org_path', orgId: 'applicant.org_id' }))
      .executeTakeFirst(),
    db.selectFrom('minor_access_grant')
      .select([
        sql<number>`sum(case when requested_at >= ${from} and requested_at < ${to} then 1 else 0 end)`.as('requested'),
        sql<number>`sum(case when status in ('approved', 'revoked') and decided_by_user_id is not null and decided_at >= ${from} and decided_at < ${to} then 1 else 0 end)`.as('approved'),
        sql<number>`sum(case when status = 'refused' and decided_at >= ${from} and decided_at < ${to} then 1 else 0 end)`.as('refused'),
        sql<number>`sum(case when status = 'revoked' and revoked_at >= ${from} and revoked_at < ${to} then 1 else 0 end)`.as('revoked'),
      ])
      .where(scopePredicate<Database, 'minor_access_grant'>(scope, { path: 'minor_access_grant.org_path', orgId: 'minor_access_grant.org_id' }))
      .executeTakeFirst(),
    db.selectFrom('audit_log').select(['action', (eb) => eb.fn.countAll<number>().as('n')])
      .where('action', 'in', ['pii.minor.read', 'pii.minor.reveal', 'pii.minor.export', 'pii.minor.update'])
      .where('at', '>=', from).where('at', '<', to)
      .where(auditInScope(scope))
      .groupBy('action')
      .execute(),
    // 删除: a deletion request of the member or guardian that was accepted (the record is restricted) ...
    db.selectFrom('subject_request').innerJoin('member', 'member.id', 'subject_request.member_id')
      .select(['member.birth_date', 'subject_request.decided_at as at'])
      .where('subject_request.kind', '=', 'deletion').where('subject_request.status', '=', 'accepted')
      .where('subject_request.decided_at', '>=', from).where('subject_request.decided_at', '<', to)
      .where(scopePredicate<Database, 'subject_request'>(scope, { path: 'subject_request.org_path', orgId: 'subject_request.org_id' }))
      .execute(),
    // ... or an anonymization when the retention period ran out (the birth date keeps its year only).
    db.selectFrom('member').select(['birth_date', 'anonymized_at as at'])
      .where('anonymized_at', '>=', from).where('anonymized_at', '<', to)
      .where(scopePredicate<Database, 'member'>(scope, { path: 'member.org_path', orgId: 'member.org_id' }))
      .execute(),
    // 个人信息安全事件 involving minors' information, detected in the year (drills are not incidents).
    db.selectFrom('incident').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('involves_minors', '=', 1).where('drill', '=', 0)
      .where('detected_at', '>=', from).where('detected_at', '<', to)
      .where(scopePredicate<Database, 'incident'>(scope, { path: 'incident.org_path', orgId: 'incident.org_id' }))
      .executeTakeFirst(),
  ]);
  // A minor's record is one whose subject was under the label age on the day it was deleted.
  const minorsAmong = (rows: { birth_date: string; at: string | null }[]) => rows.filter((r) => r.at !== null && isMinorSensitive(r.birth_date, todayInChina(new Date(r.at)))).length;
  const audited = (action: string) => count(audits.find((a) => a.action === action));
  const lines: ReportLine[] = [
    { key: 'labelledMembers', zh: '标记为未成年人敏感信息的团员记录', en: 'Member records labelled MINOR_SENSITIVE', count: count(members), note: { zh: `截至${asOf}未满${rule('minors.sensitiveAge')}周岁`, en: `younger than ${rule('minors.sensitiveAge')} on ${asOf}` } },
    { key: 'labelledApplicants', zh: '标记为未成年人敏感信息的入团申请人记录', en: 'Applicant records labelled MINOR_SENSITIVE', count: count(applicants), note: { zh: `截至${asOf}未满${rule('minors.sensitiveAge')}周岁`, en: `younger than ${rule('minors.sensitiveAge')} on ${asOf}` } },
    { key: 'grantsRequested', zh: '查看申请（提交）', en: 'Access requests made', count: Number(grants?.requested ?? 0) },
    { key: 'grantsApproved', zh: '查看申请（批准）', en: 'Requests approved', count: Number(grants?.approved ?? 0), note: { zh: '含批准后又被撤销的', en: 'including those revoked later' } },
    { key: 'grantsRefused', zh: '查看申请（不予批准）', en: 'Requests refused', count: Number(grants?.refused ?? 0) },
    { key: 'grantsRevoked', zh: '申请或授权撤销', en: 'Requests or grants revoked', count: Number(grants?.revoked ?? 0) },
    { key: 'reads', zh: '经审批查看记录详情', en: 'Record openings under a grant', count: audited('pii.minor.read'), note: { zh: '审计日志 pii.minor.read', en: 'audit action pii.minor.read' } },
    { key: 'updates', zh: '经审批修改记录或办理团籍变动、发展步骤', en: 'Edits, status changes and admission steps under a grant', count: audited('pii.minor.update'), note: { zh: '审计日志 pii.minor.update', en: 'audit action pii.minor.update' } },
    { key: 'reveals', zh: '经审批查看完整证件号码和手机号', en: 'Full-number reveals under a grant', count: audited('pii.minor.reveal'), note: { zh: '审计日志 pii.minor.reveal', en: 'audit action pii.minor.reveal' } },
    { key: 'exports', zh: '经审批导出的记录', en: 'Records exported under a grant', count: audited('pii.minor.export'), note: { zh: '审计日志 pii.minor.export，每条记录一行；无授权的记录不导出', en: 'audit action pii.minor.export, one per record; records without a grant are withheld' } },
    { key: 'deletions', zh: '删除未成年人记录', en: 'Minors\' records deleted', count: minorsAmong(deleted) + minorsAmong(anonymized), note: { zh: '本人或监护人的删除申请获接受（记录限制处理）及保存期满匿名化的记录，以删除当日未满标记年龄计', en: 'deletion requests accepted (record restricted) and anonymizations at the end of retention, of people under the label age that day' } },
    { key: 'incidents', zh: '涉及未成年人信息的个人信息安全事件', en: 'Personal-data incidents involving minors', count: count(incidents), note: { zh: '安全事件登记中当年发现、标明涉及未成年人信息的事件（不含演练）', en: 'incidents in the register detected in the year and marked as involving minors\' information (drills excluded)' } },
  ];
  return { year, asOf, sensitiveAge: rule('minors.sensitiveAge'), grantHours: rule('minors.grantHours'), lines };
}
