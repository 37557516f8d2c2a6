import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import { LEDGER_TABLE_NAMES, LEDGER_TABLES, MAC_COLUMN, type LedgerTable } from './ledger-tables.ts';
import type { RowMacKeys } from './mac-keys.ts';
import { checkRow, macKeyIdOf, type LedgerRow, type MacVerdict } from './row-mac.ts';

/** A row whose MAC does not hold. */
export type BadRow = { table: LedgerTable; id: number; problem: Exclude<MacVerdict, 'ok'> };

/** What the MAC check found in one table. */
export type TableMacCount = {
  table: LedgerTable;
  /** Rows read. */
  rows: number;
  /** Rows whose MAC holds. */
  ok: number;
  /** Rows without a MAC, with a wrong one, or with one under a key the key file lacks. */
  bad: number;
  /** Rows whose MAC holds, per key id (rows still under an older key after a rotation show here). */
  byKeyId: Record<string, number>;
};

export type LedgerMacReport = { ok: boolean; tables: TableMacCount[]; badRows: BadRow[]; present: boolean };

/** Bad rows named in a report at most; the counts stay exact. */
const MAX_NAMED = 1000;

/**
 * Recompute the MAC of every row of every ledger (DOMAIN §12 DB-13) and name the rows that fail.
 * A database from before migration 0018 (no MAC column yet) reports `present: false`.
 */
export async function verifyLedgerMacs(db: Kysely<Database>, keys: RowMacKeys, batchSize = 2000): Promise<LedgerMacReport> {
  if (!(await hasMacColumn(db))) return { ok: false, present: false, tables: [], badRows: [] };
  const tables: TableMacCount[] = [];
  const badRows: BadRow[] = [];
  for (const table of LEDGER_TABLE_NAMES) {
    const count: TableMacCount = { table, rows: 0, ok: 0, bad: 0, byKeyId: {} };
    for await (const rows of ledgerBatches(db, table, batchSize)) {
      for (const row of rows) {
        count.rows++;
        const verdict = checkRow(keys.byId, table, row);
        if (verdict === 'ok') {
          count.ok++;
          const keyId = macKeyIdOf(row.row_mac!)!;
          count.byKeyId[keyId] = (count.byKeyId[keyId] ?? 0) + 1;
        } else {
          count.bad++;
          if (badRows.length < MAX_NAMED) badRows.push({ table, id: Number(row.id), problem: verdict });
        }
      }
    }
    tables.push(count);
  }
  return { ok: tables.every((t) => t.bad === 0), present: true, tables, badRows };
}

/** A ledger row with the columns its MAC covers and the MAC. */
export type StoredLedgerRow = LedgerRow & { id: number; row_mac: string | null };

/** The rows of a ledger with their MACs, a batch at a time in id order. */
export async function* ledgerBatches(db: Kysely<Database>, table: LedgerTable, batchSize: number): AsyncGenerator<StoredLedgerRow[]> {
  let afterId = 0;
  for (;;) {
    const rows = await readLedgerRows(db, table, { afterId, limit: batchSize });
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
    afterId = Number(rows[rows.length - 1]!.id);
  }
}

/** One batch of ledger rows after `afterId` matching `where`, locked for update when asked (PostgreSQL). */
export async function readLedgerRows(
  db: Kysely<Database>,
  table: LedgerTable,
  options: { afterId: number; limit: number; where?: RawBuilder<unknown>; lock?: boolean },
): Promise<StoredLedgerRow[]> {
  const columns = sql.join([...LEDGER_TABLES[table], MAC_COLUMN].map((c) => sql.ref(c)));
  const where = options.where ?? sql`1 = 1`;
  const lock = options.lock ? sql` for update` : sql``;
  return (await sql<StoredLedgerRow>`select ${columns} from ${sql.table(table)}
    where ${sql.ref('id')} > ${options.afterId} and ${where} order by ${sql.ref('id')} limit ${options.limit}${lock}`.execute(db)).rows;
}

async function hasMacColumn(db: Kysely<Database>): Promise<boolean> {
  const tables = await db.introspection.getTables();
  const dues = tables.find((t) => t.name === 'dues_payment');
  return dues?.columns.some((c) => c.name === MAC_COLUMN) ?? false;
}
