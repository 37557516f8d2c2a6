import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { LEDGER_TABLE_NAMES, MAC_COLUMN, type LedgerTable } from './ledger-tables.ts';
import type { RowMacKeys } from './mac-keys.ts';
import { checkRow } from './row-mac.ts';
import { sealWrittenRows } from './seal-rows.ts';
import { readLedgerRows, type BadRow } from './verify-ledger-macs.ts';

export type ResealReport = {
  /** Rows sealed again under the new key, per table. */
  resealed: Record<LedgerTable, number>;
  /** Rows left as they were because their MAC did not hold: sealing them would launder a change. */
  refused: BadRow[];
};

/**
 * Part of a key rotation: every ledger row whose MAC holds under the key it names is sealed again
 * under the new key set's MAC key. A row that fails keeps its old (failing) MAC, so the verifier
 * still flags it after the rotation. Rows already under the new key are skipped, so a resumed
 * rotation carries on.
 */
export async function resealLedgerMacs(db: Db, keys: RowMacKeys, batchSize = 500): Promise<ResealReport> {
  const { engine } = db;
  const prefix = `m1.${keys.writer.keyId}.`;
  const report: ResealReport = { resealed: {} as Record<LedgerTable, number>, refused: [] };
  for (const table of LEDGER_TABLE_NAMES) {
    report.resealed[table] = 0;
    let afterId = 0;
    for (;;) {
      const count = await db.transaction().execute(async (trx) => {
        // Locked on PostgreSQL, so a row cannot change between its check and its new seal.
        const rows = await readLedgerRows(trx, table, {
          afterId, limit: batchSize, lock: engine === 'postgres',
          where: sql`(${sql.ref(MAC_COLUMN)} is null or ${sql.ref(MAC_COLUMN)} not like ${`${prefix}%`})`,
        });
        const good = [];
        for (const row of rows) {
          const verdict = checkRow(keys.byId, table, row);
          if (verdict === 'ok') good.push(row);
          else report.refused.push({ table, id: Number(row.id), problem: verdict });
        }
        await sealWrittenRows(trx, keys.writer, table, good);
        report.resealed[table] += good.length;
        if (rows.length > 0) afterId = Number(rows[rows.length - 1]!.id);
        return rows.length;
      });
      if (count < batchSize) break;
    }
  }
  return report;
}
