import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { addMonths, monthInChina } from '../../platform/time/months.ts';
import { requireMemberInScope } from '../members/member.repository.ts';
import { standingOf, type DuesStanding } from './dues-standing.ts';

/** One payment as the ledger shows it. */
export type DuesPaymentDto = {
  id: number; fromMonth: string; toMonth: string; months: number; monthlyFen: number; extraFen: number; amountFen: number;
  provider: string; method: string; receiptNo: string; paidOn: string; status: string; note: string | null;
  recordedBy: string; postLabel: string | null; recordedAt: string;
  reversedReason: string | null; reversedBy: string | null; reversedAt: string | null;
  /** Only the member's latest recorded payment can be reversed (the months paid stay one unbroken run). */
  reversible: boolean;
};

/** A member's 团费台账: the assessed amount, where they stand, the last months, the payments and assessments. */
export type MemberDuesDto = {
  memberId: number;
  name: string;
  orgName: string;
  assessed: boolean;
  category: string | null;
  monthlyFen: number | null;
  paidThrough: string | null;
  startMonth: string | null;
  standing: (DuesStanding & { owedFen: number }) | null;
  /** The last 12 months, oldest first: paid, owed, or before dues started. */
  months: { month: string; state: 'paid' | 'owed' | 'not_due' }[];
  payments: DuesPaymentDto[];
  assessments: { category: string; incomeFen: number | null; monthlyFen: number; fromMonth: string; reason: string | null; by: string; at: string }[];
};

/** 团费台账 of one member in scope (404 otherwise). */
export async function memberDues(ctx: Pick<ServiceContext, 'db' | 'scope'>, memberId: number): Promise<MemberDuesDto> {
  const member = await requireMemberInScope(ctx.db, ctx.scope, memberId);
  return duesOfMember(ctx.db, member);
}

/** The ledger of a member already checked to be visible. */
export async function duesOfMember(
  db: Kysely<Database>,
  member: { id: number; name: string; org_name: string; dues_monthly_fen: number | null; dues_paid_through: string | null },
): Promise<MemberDuesDto> {
  const thisMonth = monthInChina();
  const [payments, assessments] = await Promise.all([
    db.selectFrom('dues_payment').selectAll().where('member_id', '=', member.id).orderBy('id', 'desc').limit(200).execute(),
    db.selectFrom('dues_assessment').selectAll().where('member_id', '=', member.id).orderBy('id', 'desc').limit(50).execute(),
  ]);
  const first = assessments.at(-1);
  const startMonth = first ? first.from_month : null;
  const assessed = member.dues_monthly_fen !== null && member.dues_paid_through !== null;
  const standing = assessed ? standingOf(member.dues_paid_through!, thisMonth) : null;
  const months = Array.from({ length: 12 }, (_, i) => addMonths(thisMonth, i - 11)).map((month) => ({
    month,
    state: !assessed || (startMonth !== null && month < startMonth) ? ('not_due' as const) : month <= member.dues_paid_through! ? ('paid' as const) : ('owed' as const),
  }));
  return {
    memberId: member.id, name: member.name, orgName: member.org_name, assessed,
    category: assessments[0]?.category ?? null, monthlyFen: member.dues_monthly_fen, paidThrough: member.dues_paid_through, startMonth,
    standing: standing ? { ...standing, owedFen: standing.owedMonths * member.dues_monthly_fen! } : null,
    months,
    payments: payments.map((p) => ({
      id: p.id, fromMonth: p.from_month, toMonth: p.to_month, months: p.months, monthlyFen: p.monthly_fen, extraFen: p.extra_fen, amountFen: p.amount_fen,
      provider: p.provider, method: p.method, receiptNo: p.receipt_no, paidOn: p.paid_on, status: p.status, note: p.note,
      recordedBy: p.actor_username, postLabel: p.post_label, recordedAt: p.recorded_at,
      reversedReason: p.reversed_reason, reversedBy: p.reversed_by, reversedAt: p.reversed_at,
      reversible: p.status === 'recorded' && p.to_month === member.dues_paid_through,
    })),
    assessments: assessments.map((a) => ({
      category: a.category, incomeFen: a.income_fen, monthlyFen: a.monthly_fen, fromMonth: a.from_month, reason: a.reason, by: a.actor_username, at: a.at,
    })),
  };
}
