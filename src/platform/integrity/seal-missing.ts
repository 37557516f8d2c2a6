import { sql, type Kysely } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { LEDGER_TABLE_NAMES, MAC_COLUMN, type LedgerTable } from './ledger-tables.ts';
import type { RowMacKey } from './row-mac-key.ts';
import { sealWrittenRows } from './seal-rows.ts';
import { readLedgerRows } from './verify-ledger-macs.ts';

/**
 * Seal every ledger row that has no MAC yet, a batch per transaction; the count per table.
 * Used once, right after migration 0018 adds the column to rows written before it (runtime.ts),
 * and on an operator's explicit `tuanwu verify --seal-missing`. Never at an ordinary start:
 * a row whose MAC was removed behind the application's back must stay flagged, not be sealed.
 */
export async function sealMissingMacs(
  db: Kysely<Database>,
  key: RowMacKey,
  audit: { auditKey: Buffer; actor: Actor; reason: 'migration' | 'operator' },
  batchSize = 1000,
): Promise<Record<LedgerTable, number>> {
  const sealed = {} as Record<LedgerTable, number>;
  for (const table of LEDGER_TABLE_NAMES) {
    sealed[table] = 0;
    // Sealed rows leave the selection, so every batch reads from the start again.
    for (;;) {
      const done = await db.transaction().execute(async (trx) => {
        const batch = await readLedgerRows(trx, table, { afterId: 0, limit: batchSize, where: sql`${sql.ref(MAC_COLUMN)} is null` });
        await sealWrittenRows(trx, key, table, batch);
        return batch.length;
      });
      sealed[table] += done;
      if (done < batchSize) break;
    }
  }
  if (Object.values(sealed).some((n) => n > 0)) {
    await db.transaction().execute((trx) =>
      appendAudit(trx, audit.auditKey, audit.actor, { action: 'integrity.seal', targetType: 'ledger', targetId: key.keyId, detail: { reason: audit.reason, sealed } }),
    );
  }
  return sealed;
}
