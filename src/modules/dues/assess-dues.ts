import { appendAudit } from '../../platform/audit/audit-log.ts';
import { invalidFields, type FieldError } from '../../platform/http/app-error.ts';
import { commonPath } from '../../platform/scope/common-path.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { addMonths, isMonth, monthInChina, monthsBetween } from '../../platform/time/months.ts';
import { monthlyDuesFen } from './dues-amount.ts';
import { INCOME_BASED, type DuesCategory } from './dues-categories.ts';
import { applyMemberChanges, names, requireDuesMembers, setMemberDues } from './dues-members.ts';

export type AssessDuesInput = {
  memberIds: number[];
  category: DuesCategory;
  /** After-tax monthly income in fen, for the income-based categories. */
  incomeFen?: number | null;
  /** The first month dues are owed, for members assessed for the first time (default: this month). */
  fromMonth?: string;
  reason?: string;
};

/**
 * 核定团费标准: set the monthly amount of one or more members from their category and income.
 * A first assessment also fixes the month dues start (never before the member joined); a later
 * one changes the amount of months not yet paid and keeps what was paid.
 */
export async function assessDues(ctx: ServiceContext, input: AssessDuesInput): Promise<{ assessed: number; monthlyFen: number }> {
  const thisMonth = monthInChina();
  const fromMonth = input.fromMonth ?? thisMonth;
  const problems: FieldError[] = [];
  const incomeFen = input.incomeFen ?? null;
  if (INCOME_BASED.has(input.category) && incomeFen === null) {
    problems.push({ field: 'incomeFen', code: 'required', message: { zh: '按收入交纳的类别须填写税后月收入', en: 'this category needs the after-tax monthly income' } });
  }
  if (!isMonth(fromMonth)) {
    problems.push({ field: 'fromMonth', code: 'not_a_month', message: { zh: '请填写年月，如2021-09', en: 'use a month such as 2021-09' } });
  } else if (monthsBetween(thisMonth, fromMonth) > 1) {
    problems.push({ field: 'fromMonth', code: 'too_far_ahead', message: { zh: '起交年月最晚为下个月', en: 'dues can start next month at the latest' } });
  }
  if (problems.length > 0) throw invalidFields(problems);
  const monthlyFen = monthlyDuesFen(input.category, INCOME_BASED.has(input.category) ? incomeFen : null);

  return ctx.db.transaction().execute(async (trx) => {
    const members = await requireDuesMembers(trx, ctx.scope, input.memberIds);
    const firstTime = members.filter((m) => m.dues_paid_through === null);
    const beforeJoining = firstTime.filter((m) => fromMonth < m.joined_league_on);
    if (beforeJoining.length > 0) {
      throw invalidFields([{
        field: 'fromMonth', code: 'before_joining',
        message: { zh: `起交年月早于${names(beforeJoining)}的入团年月；团费从入团当月起交`, en: `the start is before ${beforeJoining.length} member(s) joined; dues start from the month of joining` },
      }]);
    }
    const now = new Date().toISOString();
    const changes = [];
    for (const member of members) {
      const change = member.dues_paid_through === null
        ? { dues_monthly_fen: monthlyFen, dues_paid_through: addMonths(fromMonth, -1) }
        : { dues_monthly_fen: monthlyFen };
      changes.push({ path: member.org_path, contribution: await setMemberDues(trx, member, change) });
    }
    await trx.insertInto('dues_assessment').values(members.map((m) => ({
      member_id: m.id, org_path: m.org_path, category: input.category, income_fen: INCOME_BASED.has(input.category) ? incomeFen : null,
      monthly_fen: monthlyFen, from_month: appliesFrom(m.dues_paid_through, fromMonth, thisMonth),
      reason: input.reason?.trim() || null, actor_user_id: ctx.actor.userId, actor_username: ctx.actor.username, post_label: ctx.actor.postLabel, at: now,
    }))).execute();
    await applyMemberChanges(trx, changes);
    // The income stays out of the log: the assessment table keeps it for those who may read the member.
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'dues.assess', orgPath: commonPath(members.map((m) => m.org_path)), targetType: 'member',
      targetId: members.length === 1 ? members[0]!.id : undefined, targetLabel: names(members),
      detail: { memberIds: members.map((m) => m.id), category: input.category, monthlyFen, fromMonth: firstTime.length > 0 ? fromMonth : undefined, reason: input.reason?.trim() || undefined },
    });
    return { assessed: members.length, monthlyFen };
  });
}

/** A first assessment applies from the chosen month; a new amount from the first month not yet paid, this month at the earliest. */
function appliesFrom(paidThrough: string | null, fromMonth: string, thisMonth: string): string {
  if (paidThrough === null) return fromMonth;
  const firstUnpaid = addMonths(paidThrough, 1);
  return firstUnpaid > thisMonth ? firstUnpaid : thisMonth;
}
