import { AppError, invalidFields } from '../../platform/http/app-error.ts';
import { scopePredicate } from '../../platform/scope/data-scope.ts';
import type { Kysely } from 'kysely';
import type { Database, TransferRow } from '../../platform/db/schema.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { applicantMove } from './transfer-chain.ts';
import { recordTransferEvent } from './transfer-events.ts';
import { refused } from './transfer-refusal.ts';

/**
 * The applicant's side: after a return, 申诉 with the evidence (the stage that returned it decides
 * again), or 撤回 at any time before the transfer ends. The applicant is the member, or the
 * organization that started it (the receiving side when it did, else the sending side).
 */
export async function applicantTransfer(ctx: ServiceContext, id: number, action: 'appeal' | 'withdraw', input: { reason?: string | null; evidence?: string | null }): Promise<TransferRow> {
  if (action === 'appeal' && (input.evidence?.trim().length ?? 0) < 2) {
    throw invalidFields([{ field: 'evidence', code: 'required', message: { zh: '申诉须说明理由并列明证明材料', en: 'an appeal needs its grounds and evidence' } }]);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const transfer = await applicantView(ctx, trx).selectAll('transfer').where('transfer.id', '=', id).executeTakeFirst();
    if (!transfer) throw new AppError('NOT_FOUND');
    const refusal = applicantMove(transfer.status as never, action);
    if (refusal) throw refused(refusal.code, refusal.zh, refusal.en);
    const at = new Date().toISOString();
    await recordTransferEvent(trx, ctx, transfer, { action, reason: input.reason ?? null, evidence: input.evidence ?? null, at });
    const changes = action === 'appeal'
      ? { status: 'appealed', stage_since: at, updated_at: at }
      : { status: 'withdrawn', is_open: 0, stage_org_id: null, stage_org_path: null, updated_at: at, closed_at: at };
    const row = await trx.updateTable('transfer').set(changes).where('id', '=', transfer.id).where('status', '=', transfer.status).returningAll().executeTakeFirst();
    if (!row) throw new AppError('CONFLICT');
    return row;
  });
}

/** Whether the caller is the applicant of a transfer (the member, or the organization that started it). */
export async function isApplicantOf(ctx: Pick<ServiceContext, 'db' | 'scope'>, id: number): Promise<boolean> {
  return (await applicantView(ctx, ctx.db).select('transfer.id').where('transfer.id', '=', id).executeTakeFirst()) !== undefined;
}

/** Transfers the caller may act on as the applicant. */
function applicantView(ctx: Pick<ServiceContext, 'scope'>, trx: Kysely<Database>) {
  const query = trx.selectFrom('transfer');
  if (ctx.scope.kind === 'self') {
    return query.where('transfer.member_id', '=', (eb) => eb.selectFrom('app_user').select('app_user.member_id').where('app_user.id', '=', ctx.scope.userId ?? -1));
  }
  return query.where((eb) => eb.or([
    eb.and([eb('transfer.initiated_by', '!=', 'in_org'), scopePredicate<Database, 'transfer'>(ctx.scope, { path: 'transfer.from_org_path', orgId: 'transfer.from_org_id' })(eb)]),
    eb.and([eb('transfer.initiated_by', '=', 'in_org'), scopePredicate<Database, 'transfer'>(ctx.scope, { path: 'transfer.to_org_path', orgId: 'transfer.to_org_id' })(eb)]),
  ]));
}
