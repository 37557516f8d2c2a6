import { appendAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { ownMemberId } from './subject-requests.ts';

/**
 * 下载我的信息 (PIPL Arts. 45 查阅、复制; ASVS 4.0.3 8.3.2; DOMAIN §12 LAW-05): every personal field of
 * the caller's own member record in full — it is their own data, so ID and phone numbers are not
 * masked — with their status history, dues, transfers, evaluations, requests and account. Only rows
 * tied to the caller's record are read; the download is audited (`self.export`) without its content.
 * `memberId` must be the caller's own record, anything else answers 404.
 */
export async function exportOwnRecord(ctx: ServiceContext, memberId: number, now = new Date()) {
  const own = await ownMemberId(ctx.db, ctx.actor.userId);
  if (own !== memberId) throw new AppError('NOT_FOUND');
  const db = ctx.db;
  const member = await db.selectFrom('member').innerJoin('organization', 'organization.id', 'member.org_id')
    .selectAll('member').select('organization.name as org_name').where('member.id', '=', own).executeTakeFirstOrThrow();
  const [history, assessments, payments, transfers, evaluations, requests, account] = await Promise.all([
    db.selectFrom('member_status_change').select(['kind', 'from_status', 'to_status', 'reason', 'post_label', 'at']).where('member_id', '=', own).orderBy('id').execute(),
    db.selectFrom('dues_assessment').select(['category', 'income_fen', 'monthly_fen', 'from_month', 'reason', 'at']).where('member_id', '=', own).orderBy('id').execute(),
    db.selectFrom('dues_payment').select(['from_month', 'to_month', 'months', 'monthly_fen', 'extra_fen', 'amount_fen', 'provider', 'method', 'receipt_no', 'paid_on', 'status', 'note', 'reversed_reason', 'reversed_at'])
      .where('member_id', '=', own).orderBy('id').execute(),
    db.selectFrom('transfer')
      .leftJoin('organization as from_org', 'from_org.id', 'transfer.from_org_id')
      .leftJoin('organization as to_org', 'to_org.id', 'transfer.to_org_id')
      .select(['transfer.id', 'transfer.scope_kind', 'transfer.reason', 'transfer.reason_text', 'from_org.name as from_org_name', 'to_org.name as to_org_name',
        'transfer.outside_destination', 'transfer.status', 'transfer.created_at', 'transfer.closed_at'])
      .where('transfer.member_id', '=', own).orderBy('transfer.id').execute(),
    db.selectFrom('evaluation_entry').select(['year', 'exempt', 'registration', 'defer_until', 'grade', 'correction_until', 'note']).where('member_id', '=', own).orderBy('year').execute(),
    db.selectFrom('subject_request').select(['id', 'kind', 'requester_kind', 'field', 'proposed_value_enc', 'reason_code', 'note', 'status', 'due_on', 'created_at', 'decided_at', 'decision_reason'])
      .where('member_id', '=', own).orderBy('id').execute(),
    db.selectFrom('app_user').select(['username', 'display_name', 'last_login_at', 'created_at']).where('id', '=', ctx.actor.userId ?? -1).executeTakeFirstOrThrow(),
  ]);
  const record = {
    exportedAt: now.toISOString(),
    member: {
      id: member.id, orgName: member.org_name, name: member.name, idType: member.id_type, idNumber: ctx.cipher.decrypt(member.id_number_enc),
      birthDate: member.birth_date, sex: member.sex, ethnicity: member.ethnicity, politicalStatus: member.political_status,
      joinedPartyOn: member.joined_party_on, educationFullTime: member.education_full_time, educationHighest: member.education_highest,
      occupation: member.occupation, workplace: member.workplace, household: member.household, incomeBand: member.income_band,
      phone: member.phone_enc ? ctx.cipher.decrypt(member.phone_enc) : null, joinedLeagueOn: member.joined_league_on,
      developmentNumber: member.development_number, leaguePost: member.league_post, isCadre: member.is_cadre === 1, cadreNature: member.cadre_nature,
      volunteerRegisteredOn: member.volunteer_registered_on, status: member.status, duesMonthlyFen: member.dues_monthly_fen,
      duesPaidThrough: member.dues_paid_through, restricted: member.restricted_at !== null, createdAt: member.created_at, updatedAt: member.updated_at,
    },
    statusHistory: history.map((h) => ({ kind: h.kind, from: h.from_status, to: h.to_status, reason: h.reason, by: h.post_label, at: h.at })),
    dues: {
      assessments: assessments.map((a) => ({ category: a.category, incomeFen: a.income_fen, monthlyFen: a.monthly_fen, fromMonth: a.from_month, reason: a.reason, at: a.at })),
      payments: payments.map((p) => ({
        fromMonth: p.from_month, toMonth: p.to_month, months: p.months, monthlyFen: p.monthly_fen, extraFen: p.extra_fen, amountFen: p.amount_fen,
        provider: p.provider, method: p.method, receiptNo: p.receipt_no, paidOn: p.paid_on, status: p.status, note: p.note, reversedReason: p.reversed_reason, reversedAt: p.reversed_at,
      })),
    },
    transfers: transfers.map((t) => ({
      id: t.id, scopeKind: t.scope_kind, reason: t.reason, reasonText: t.reason_text, from: t.from_org_name, to: t.to_org_name,
      outsideDestination: t.outside_destination, status: t.status, createdAt: t.created_at, closedAt: t.closed_at,
    })),
    evaluations: evaluations.map((e) => ({
      year: e.year, exempt: e.exempt === 1, registration: e.registration, deferUntil: e.defer_until, grade: e.grade, correctionUntil: e.correction_until, note: e.note,
    })),
    requests: requests.map(({ proposed_value_enc, ...r }) => ({
      id: r.id, kind: r.kind, requesterKind: r.requester_kind, field: r.field, proposedValue: proposed_value_enc ? ctx.cipher.decrypt(proposed_value_enc) : null,
      reasonCode: r.reason_code, note: r.note, status: r.status, dueOn: r.due_on, createdAt: r.created_at, decidedAt: r.decided_at, decisionReason: r.decision_reason,
    })),
    account: { username: account.username, displayName: account.display_name, lastLoginAt: account.last_login_at, createdAt: account.created_at },
  };
  await db.transaction().execute((trx) => appendAudit(trx, ctx.auditKey, ctx.actor, {
    action: 'self.export', orgPath: member.org_path, targetType: 'member', targetId: member.id,
    detail: { statusChanges: history.length, duesPayments: payments.length, transfers: transfers.length, evaluations: evaluations.length, requests: requests.length },
  }));
  return record;
}
