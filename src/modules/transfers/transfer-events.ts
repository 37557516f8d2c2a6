import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import { rowMacKeysOf } from '../../platform/integrity/mac-keys.ts';
import { sealWrittenRows } from '../../platform/integrity/seal-rows.ts';
import type { Database, TransferRow } from '../../platform/db/schema.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import type { TransferAction } from './transfer-enums.ts';
import { parseStages } from './transfer.repository.ts';
import { answeredOnTime, applyResponses } from './response-counters.ts';

/** Decisions of an organization: their response time counts toward the 48-hour rate. */
const DECISIONS: ReadonlySet<TransferAction> = new Set(['approve', 'return', 'accept_appeal', 'reject_appeal']);

/**
 * Record one step of a transfer (who, through which post, on behalf of a lower organization or
 * not, and for decisions how long the stage waited) and its audit entry, in the caller's transaction.
 */
export async function recordTransferEvent(
  trx: Kysely<Database>,
  ctx: Pick<ServiceContext, 'auditKey' | 'actor' | 'cipher'>,
  transfer: TransferRow,
  event: { action: TransferAction; reason?: string | null; evidence?: string | null; onBehalf?: boolean; at: string },
): Promise<void> {
  const stage = transfer.stage_org_id === null ? null : (parseStages(transfer)[transfer.stage_index] ?? null);
  const decision = DECISIONS.has(event.action);
  const responseMinutes = decision ? Math.max(0, Math.floor((Date.parse(event.at) - Date.parse(transfer.stage_since)) / 60_000)) : null;
  const written = await trx.insertInto('transfer_event').values({
    transfer_id: transfer.id, stage, stage_org_id: transfer.stage_org_id, stage_org_path: transfer.stage_org_path, action: event.action,
    reason: event.reason?.trim() || null, evidence: event.evidence?.trim() || null,
    stage_since: decision ? transfer.stage_since : null,
    response_minutes: responseMinutes,
    actor_user_id: ctx.actor.userId, actor_username: ctx.actor.username, post_label: ctx.actor.postLabel, on_behalf: event.onBehalf ? 1 : 0, at: event.at,
  }).returningAll().execute();
  // Every step and decision is sealed with its MAC (DOMAIN §12 DB-13, MP-03) over the row as stored.
  await sealWrittenRows(trx, rowMacKeysOf(ctx.cipher).writer, 'transfer_event', written);
  if (responseMinutes !== null && transfer.stage_org_path !== null) {
    await applyResponses(trx, [[transfer.stage_org_path, { decided: 1, onTime: answeredOnTime(responseMinutes) ? 1 : 0 }]]);
  }
  await appendAudit(trx, ctx.auditKey, ctx.actor, {
    action: `transfer.${event.action}`, orgPath: transfer.stage_org_path ?? transfer.from_org_path, targetType: 'transfer', targetId: transfer.id,
    targetLabel: transfer.member_name, detail: { stage, reason: event.reason?.trim() || undefined, onBehalf: event.onBehalf || undefined },
  });
}
