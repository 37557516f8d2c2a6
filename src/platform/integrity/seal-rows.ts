import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { MAC_COLUMN, type LedgerTable } from './ledger-tables.ts';
import type { RowMacKey } from './row-mac-key.ts';
import { sealRow, type LedgerRow } from './row-mac.ts';

/**
 * Seal ledger rows just written, in the writer's transaction: one HMAC per row and one UPDATE
 * for all of them. The rows are the ones the database returned (`returningAll()`), so the MAC
 * covers their ids and exactly what was stored.
 */
export async function sealWrittenRows(trx: Kysely<Database>, key: RowMacKey, table: LedgerTable, rows: readonly (LedgerRow & { id: number })[]): Promise<void> {
  if (rows.length === 0) return;
  const cases = rows.map((row) => sql`when ${Number(row.id)} then ${sealRow(key, table, row)}`);
  const ids = rows.map((row) => Number(row.id));
  await sql`update ${sql.table(table)} set ${sql.ref(MAC_COLUMN)} = case ${sql.ref('id')} ${sql.join(cases, sql` `)} end
    where ${sql.ref('id')} in (${sql.join(ids)})`.execute(trx);
}
