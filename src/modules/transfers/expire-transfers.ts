import type { Kysely } from 'kysely';
import { systemActor } from '../../platform/audit/audit-log.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { recordTransferEvent } from './transfer-events.ts';

/**
 * 超时失效: open transfers past their expiry end as expired, each with an event and an audit
 * entry, in batches so that a long backlog never holds one huge transaction. Returns how many.
 */
export async function expireTransfers(db: Kysely<Database>, keys: Pick<ServiceContext, 'auditKey' | 'cipher'>, now: Date = new Date()): Promise<number> {
  const at = now.toISOString();
  let expired = 0;
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      const due = await trx.selectFrom('transfer').selectAll().where('is_open', '=', 1).where('expires_at', '<=', at).orderBy('id').limit(200).execute();
      for (const transfer of due) {
        const closed = await trx.updateTable('transfer')
          .set({ status: 'expired', is_open: 0, stage_org_id: null, stage_org_path: null, updated_at: at, closed_at: at })
          .where('id', '=', transfer.id).where('is_open', '=', 1).executeTakeFirst();
        if (Number(closed.numUpdatedRows) === 1) {
          await recordTransferEvent(trx, { auditKey: keys.auditKey, cipher: keys.cipher, actor: systemActor }, transfer, { action: 'expire', reason: '超过有效期未办结', at });
        }
      }
      return due.length;
    });
    expired += batch;
    if (batch < 200) return expired;
  }
}
