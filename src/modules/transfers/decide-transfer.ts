import { AppError, invalidFields } from '../../platform/http/app-error.ts';
import { scopePredicate } from '../../platform/scope/data-scope.ts';
import type { Database, TransferRow } from '../../platform/db/schema.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { chainOrgs } from './start-transfer.ts';
import { completeTransfer } from './complete-transfer.ts';
import { decide, isDecision, stageOrg, type StageAction } from './transfer-chain.ts';
import type { TransferStage } from './transfer-enums.ts';
import { recordTransferEvent } from './transfer-events.ts';
import { refused } from './transfer-refusal.ts';
import { memberNotRestricted, parseStages } from './transfer.repository.ts';

/**
 * A stage decides: 同意 moves the transfer to the next stage (or completes it), 退回 sends it back to
 * the applicant with a reason, and on an appeal 申诉通过 continues as an approval while 申诉不通过
 * ends it. Only the stage's own organization, or a post above it acting on its behalf, decides;
 * a transfer waiting elsewhere answers 404, as if it did not exist.
 */
export async function decideTransfer(ctx: ServiceContext, id: number, action: StageAction, reason: string | null): Promise<TransferRow> {
  if ((action === 'return' || action === 'reject_appeal') && (reason?.trim().length ?? 0) < 2) {
    throw invalidFields([{ field: 'reason', code: 'required', message: { zh: '退回或不通过时请写明理由，申请人据此修改或申诉', en: 'give the reason, so that the applicant can correct or appeal' } }]);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const transfer = await trx.selectFrom('transfer').selectAll().where('id', '=', id).where('is_open', '=', 1)
      .where(scopePredicate<Database, 'transfer'>(ctx.scope, { path: 'transfer.stage_org_path', orgId: 'transfer.stage_org_id' }))
      .where(memberNotRestricted)
      .executeTakeFirst();
    if (!transfer) throw new AppError('NOT_FOUND');
    const post = ctx.scope.postOrgPath;
    if (!post || !transfer.stage_org_path!.startsWith(post)) throw new AppError('NOT_APPROVER', { message: { zh: '只有该审批环节的团组织或其上级可以审批', en: 'only the stage\'s organization or one above it may decide' } });
    const onBehalf = post !== transfer.stage_org_path;
    const stages = parseStages(transfer) as TransferStage[];
    const decision = decide(transfer.status as never, transfer.stage_index, stages.length, action);
    if (!isDecision(decision)) throw refused(decision.code, decision.zh, decision.en);
    const at = new Date().toISOString();
    await recordTransferEvent(trx, ctx, transfer, { action, reason, onBehalf, at });
    const guard = trx.updateTable('transfer').where('id', '=', transfer.id).where('status', '=', transfer.status).where('stage_index', '=', transfer.stage_index);
    switch (decision.kind) {
      case 'complete':
        await requireUnchanged(await guard.set({ updated_at: at }).executeTakeFirst());
        return completeTransfer(trx, ctx, transfer, at);
      case 'advance': {
        const [from, to] = await Promise.all([
          trx.selectFrom('organization').selectAll().where('id', '=', transfer.from_org_id).executeTakeFirstOrThrow(),
          transfer.to_org_id === null ? null : trx.selectFrom('organization').selectAll().where('id', '=', transfer.to_org_id).executeTakeFirstOrThrow(),
        ]);
        const next = stageOrg(stages[decision.nextIndex]!, await chainOrgs(trx, from, to));
        return updated(await guard.set({ status: 'pending', stage_index: decision.nextIndex, stage_org_id: next.id, stage_org_path: next.path, stage_since: at, updated_at: at }).returningAll().executeTakeFirst());
      }
      case 'returned':
        return updated(await guard.set({ status: 'returned', stage_since: at, updated_at: at }).returningAll().executeTakeFirst());
      case 'rejected':
        return updated(await guard.set({ status: 'rejected', is_open: 0, stage_org_id: null, stage_org_path: null, updated_at: at, closed_at: at }).returningAll().executeTakeFirst());
    }
  });
}

/** Another approver got there first: the caller reloads. */
function updated(row: TransferRow | undefined): TransferRow {
  if (!row) throw new AppError('CONFLICT');
  return row;
}

async function requireUnchanged(result: { numUpdatedRows: bigint }): Promise<void> {
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
}
