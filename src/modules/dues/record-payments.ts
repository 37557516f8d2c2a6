import { appendAudit } from '../../platform/audit/audit-log.ts';
import { rowMacKeysOf } from '../../platform/integrity/mac-keys.ts';
import { sealWrittenRows } from '../../platform/integrity/seal-rows.ts';
import { invalidFields, type FieldError } from '../../platform/http/app-error.ts';
import { rule } from '../../platform/rules/rules.ts';
import { commonPath } from '../../platform/scope/common-path.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { todayInChina } from '../../platform/time/china-date.ts';
import { addMonths, monthInChina, monthsBetween } from '../../platform/time/months.ts';
import { applyCollections } from './dues-collection-counters.ts';
import { applyMemberChanges, names, requireDuesMembers, setMemberDues } from './dues-members.ts';
import { PAYMENT_PROVIDERS, type PaymentDetails } from './payment-providers.ts';

export type RecordPaymentsInput = PaymentDetails & {
  memberIds: number[];
  /** Consecutive months paid by each member, from the first month each has not paid. */
  months: number;
  /** 自愿多交 per member, in fen. */
  extraFen?: number;
  provider?: string;
  note?: string;
};

/**
 * 登记团费收缴: each chosen member pays `months` months from the first month they have not paid,
 * at their assessed amount, plus any voluntary extra. All members or none; the counters of the
 * collecting branch and its ancestors move in the same transaction.
 */
export async function recordPayments(ctx: ServiceContext, input: RecordPaymentsInput): Promise<{ payments: number; amountFen: number }> {
  const today = todayInChina();
  const thisMonth = monthInChina();
  const provider = PAYMENT_PROVIDERS[input.provider ?? 'offline'];
  const problems: FieldError[] = provider ? provider.check(input, today) : [{ field: 'provider', code: 'unknown_provider', message: { zh: '不支持的收缴方式', en: 'unknown payment provider' } }];
  if (!Number.isInteger(input.months) || input.months < 1 || input.months > rule('dues.maxMonthsPerPayment')) {
    problems.push({ field: 'months', code: 'out_of_range', message: { zh: `月数应为1到${rule('dues.maxMonthsPerPayment')}`, en: `months must be 1 to ${rule('dues.maxMonthsPerPayment')}` } });
  }
  const extraFen = input.extraFen ?? 0;
  if (!Number.isInteger(extraFen) || extraFen < 0) {
    problems.push({ field: 'extraFen', code: 'invalid_amount', message: { zh: '自愿多交金额不能为负数', en: 'the voluntary extra cannot be negative' } });
  }
  if (problems.length > 0) throw invalidFields(problems);

  return ctx.db.transaction().execute(async (trx) => {
    const members = await requireDuesMembers(trx, ctx.scope, input.memberIds);
    const unassessed = members.filter((m) => m.dues_monthly_fen === null || m.dues_paid_through === null);
    if (unassessed.length > 0) {
      throw invalidFields([{ field: 'memberIds', code: 'not_assessed', message: { zh: `${names(unassessed)}尚未核定团费标准，请先核定`, en: `${unassessed.length} member(s) have no assessed dues yet; assess them first` } }]);
    }
    const latest = addMonths(thisMonth, rule('dues.maxPrepaidMonths'));
    const tooFar = members.filter((m) => monthsBetween(latest, addMonths(m.dues_paid_through!, input.months)) > 0);
    if (tooFar.length > 0) {
      throw invalidFields([{ field: 'months', code: 'too_far_ahead', message: { zh: `${names(tooFar)}将预交到${latest}以后；最多预交到本月之后${rule('dues.maxPrepaidMonths')}个月`, en: `${tooFar.length} member(s) would be paid beyond ${latest}` } }]);
    }
    const now = new Date().toISOString();
    const changes = [];
    const rows = [];
    for (const member of members) {
      const from = addMonths(member.dues_paid_through!, 1);
      const to = addMonths(member.dues_paid_through!, input.months);
      changes.push({ path: member.org_path, contribution: await setMemberDues(trx, member, { dues_paid_through: to }) });
      rows.push({
        member_id: member.id, org_id: member.org_id, org_path: member.org_path, from_month: from, to_month: to, months: input.months,
        monthly_fen: member.dues_monthly_fen!, extra_fen: extraFen, amount_fen: member.dues_monthly_fen! * input.months + extraFen,
        provider: provider!.code, method: input.method, receipt_no: input.receiptNo.trim(), paid_on: input.paidOn, collected_month: thisMonth,
        status: 'recorded', note: input.note?.trim() || null, actor_user_id: ctx.actor.userId, actor_username: ctx.actor.username,
        post_label: ctx.actor.postLabel, recorded_at: now,
      });
    }
    for (let i = 0; i < rows.length; i += 200) {
      // Each payment is sealed with its MAC (DOMAIN §12 DB-13) over the row as stored, id included.
      const written = await trx.insertInto('dues_payment').values(rows.slice(i, i + 200)).returningAll().execute();
      await sealWrittenRows(trx, rowMacKeysOf(ctx.cipher).writer, 'dues_payment', written);
    }
    await applyMemberChanges(trx, changes);
    await applyCollections(trx, rows.map((r) => ({ path: r.org_path, month: thisMonth, fen: r.amount_fen, payments: 1 })));
    const amountFen = rows.reduce((sum, r) => sum + r.amount_fen, 0);
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'dues.pay', orgPath: commonPath(members.map((m) => m.org_path)), targetType: 'member',
      targetId: members.length === 1 ? members[0]!.id : undefined, targetLabel: names(members),
      detail: { memberIds: members.map((m) => m.id), months: input.months, amountFen, extraFen, provider: provider!.code, method: input.method, receiptNo: input.receiptNo.trim(), paidOn: input.paidOn },
    });
    return { payments: rows.length, amountFen };
  });
}
