import { appendAudit } from '../../platform/audit/audit-log.ts';
import { rowMacKeysOf } from '../../platform/integrity/mac-keys.ts';
import { checkRow, sealRow } from '../../platform/integrity/row-mac.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { DataScope, scopePredicate } from '../../platform/scope/data-scope.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { addMonths } from '../../platform/time/months.ts';
import { applyCollections } from './dues-collection-counters.ts';
import { applyMemberChanges, requireDuesMembers, setMemberDues } from './dues-members.ts';

/**
 * 撤销收缴记录: undo a payment entered by mistake. Only a member's latest payment can be undone,
 * so that the months paid stay one unbroken run; the row stays, marked reversed, with who and why,
 * and its amount leaves the month it was counted in.
 */
export async function reversePayment(ctx: ServiceContext, paymentId: number, reason: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const payment = await trx
      .selectFrom('dues_payment')
      .selectAll()
      .where('id', '=', paymentId)
      .where(scopePredicate<Database, 'dues_payment'>(ctx.scope, { path: 'dues_payment.org_path', orgId: 'dues_payment.org_id' }))
      .executeTakeFirst();
    if (!payment) throw new AppError('NOT_FOUND');
    if (payment.status !== 'recorded') {
      throw new AppError('DUES_REFUSED', { message: { zh: '该收缴记录已撤销', en: 'this payment was already reversed' }, extra: { reason: 'already_reversed' } });
    }
    // The member may have transferred out of the collecting branch's scope since; the payment is still ours to undo.
    const [member] = await requireDuesMembers(trx, DataScope.system(), [payment.member_id]);
    if (member!.dues_paid_through !== payment.to_month) {
      throw new AppError('DUES_REFUSED', {
        message: { zh: '只能撤销该团员最近的一笔收缴记录，请先撤销其后的记录', en: 'only the member\'s latest payment can be reversed; reverse the later ones first' },
        extra: { reason: 'not_latest' },
      });
    }
    // Sealing the reversed row over a row changed behind the application's back would make the change pass the verifier.
    const macKeys = rowMacKeysOf(ctx.cipher);
    if (checkRow(macKeys.byId, 'dues_payment', payment) !== 'ok') {
      throw new AppError('DUES_REFUSED', {
        message: { zh: '该收缴记录未通过完整性校验，可能在系统之外被改动，不能撤销；请联系安全管理员运行 tuanwu verify 核查', en: 'this payment failed its integrity check (it may have been changed outside the application) and cannot be reversed; ask the security administrator to run `tuanwu verify`' },
        extra: { reason: 'integrity_failed' },
      });
    }
    const now = new Date().toISOString();
    const reversal = { status: 'reversed', reversed_reason: reason.trim(), reversed_by: ctx.actor.username, reversed_at: now };
    const updated = await trx
      .updateTable('dues_payment')
      .set({ ...reversal, row_mac: sealRow(macKeys.writer, 'dues_payment', { ...payment, ...reversal }) })
      .where('id', '=', payment.id)
      .where('status', '=', 'recorded')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
    const contribution = await setMemberDues(trx, member!, { dues_paid_through: addMonths(payment.from_month, -1) });
    await applyMemberChanges(trx, [{ path: member!.org_path, contribution }]);
    await applyCollections(trx, [{ path: payment.org_path, month: payment.collected_month, fen: -payment.amount_fen, payments: -1 }]);
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'dues.reverse', orgPath: payment.org_path, targetType: 'dues_payment', targetId: payment.id, targetLabel: member!.name,
      detail: { memberId: member!.id, fromMonth: payment.from_month, toMonth: payment.to_month, amountFen: payment.amount_fen, reason: reason.trim() },
    });
  });
}
