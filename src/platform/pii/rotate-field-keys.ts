import { sql } from 'kysely';
import { appendAudit, systemActor } from '../audit/audit-log.ts';
import type { Db } from '../db/connect.ts';
import { rowMacKeysOfRing } from '../integrity/mac-keys.ts';
import { resealLedgerMacs } from '../integrity/reseal-ledger-macs.ts';
import type { BadRow } from '../integrity/verify-ledger-macs.ts';
import type { CryptoProfileName } from './crypto-profile.ts';
import { encryptedTables, notAllUnder, type EncryptedTable } from './encrypted-tables.ts';
import { beginRotation, finishRotation } from './keys.ts';
import { fieldCryptoOf, type FieldCryptoPair } from './open-field-crypto.ts';

/** Values rewritten so far in one table. */
export type RotationProgress = { table: string; done: number; total: number };

export type RotationReport = {
  keySetId: string;
  profile: CryptoProfileName;
  /** The key set the data was under before (the one written before the rotation started). */
  from: string;
  /** True when an interrupted rotation was taken up again rather than started. */
  resumed: boolean;
  /** Rows rewritten per table, in this run. */
  rewritten: Record<string, number>;
  /** Ledger rows sealed again under the new key set's MAC key, per table (integrity/reseal-ledger-macs.ts). */
  resealed: Record<string, number>;
  /** Ledger rows whose MAC already failed: left as they are, so the verifier still flags them. */
  refused: BadRow[];
};

export type RotationOptions = {
  db: Db;
  keyFile: string;
  auditKey: Buffer;
  /** The profile whose fresh keys every value is rewritten under. */
  profile: CryptoProfileName;
  /** Rows per transaction. */
  batchSize?: number;
  onProgress?: (progress: RotationProgress) => void;
};

/** Passes over the tables before giving up on rows that something keeps writing under old keys. */
const MAX_PASSES = 3;

/**
 * 密钥轮换 (DOMAIN §12 DB-14: "rewrap the keys, then all records still decrypt"): new keys of
 * `profile` join the key file as its current key set, then every encrypted column the registry
 * declares is decrypted and encrypted again under them and every blind index recomputed, a batch
 * of rows per transaction. The key file remembers an unfinished rotation, and a row already under
 * the new key set is skipped, so running it again after an interruption carries on where it
 * stopped. The MACs of the ledger rows are renewed under the new key set as well.
 * Servers keep the keys they started with: stop them first and restart them after.
 */
export async function rotateFieldKeys(options: RotationOptions): Promise<RotationReport> {
  const { db, keyFile, auditKey, profile } = options;
  const batchSize = options.batchSize ?? 500;
  const { ring, keySet, resumed } = beginRotation(keyFile, profile);
  const from = ring.rotation!.from;
  if (!resumed) {
    await db.transaction().execute((trx) =>
      appendAudit(trx, auditKey, systemActor, { action: 'crypto.rotate.start', targetType: 'key_set', targetId: keySet.id, detail: { profile, from } }),
    );
  }
  const pair = fieldCryptoOf(ring);
  const prefix = pair.cipher.writer.prefix;
  const tables = encryptedTables();
  const rewritten: Record<string, number> = {};
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    for (const table of tables) {
      rewritten[table.table] = (rewritten[table.table] ?? 0) + (await rewriteTable(db, table, pair, prefix, batchSize, options.onProgress));
    }
    if ((await countNotUnder(db, tables, prefix)) === 0) break;
  }
  const left = await countNotUnder(db, tables, prefix);
  if (left > 0) throw new Error(`${left} rows were written under old keys while rotating: stop every server and run the rotation again`);
  // The ledgers' MACs move to the new key set's MAC key too (DOMAIN §12 DB-13), except rows that already fail.
  const { resealed, refused } = await resealLedgerMacs(db, rowMacKeysOfRing(ring), batchSize);
  const refusedRows = refused.slice(0, 100).map((r) => `${r.table}#${r.id}:${r.problem}`);
  await db.transaction().execute((trx) =>
    appendAudit(trx, auditKey, systemActor, {
      action: 'crypto.rotate', targetType: 'key_set', targetId: keySet.id,
      detail: { profile, from, resumed, rewritten, resealed, ...(refused.length ? { refused: refused.length, refusedRows } : {}) },
    }),
  );
  finishRotation(keyFile, keySet.id);
  return { keySetId: keySet.id, profile, from, resumed, rewritten, resealed, refused };
}

/** Rewrite the rows of one table that hold a value not yet under the new key set; the count rewritten. */
async function rewriteTable(db: Db, table: EncryptedTable, pair: FieldCryptoPair, prefix: string, batchSize: number, onProgress?: (p: RotationProgress) => void): Promise<number> {
  const pending = notAllUnder(table.encrypted, prefix);
  const total = await countRows(db, table.table, pending);
  let done = 0;
  let afterId = 0;
  onProgress?.({ table: table.table, done, total });
  for (;;) {
    const count = await db.transaction().execute(async (trx) => {
      // Locked on PostgreSQL, so that a write between this read and the update is not overwritten.
      const lock = db.engine === 'postgres' ? sql` for update` : sql``;
      const columns = sql.join(['id', ...table.encrypted].map((c) => sql.ref(c)));
      const rows = (await sql<Record<string, string | number | null>>`select ${columns} from ${sql.table(table.table)}
        where ${sql.ref('id')} > ${afterId} and ${pending} order by ${sql.ref('id')} limit ${batchSize}${lock}`.execute(trx)).rows;
      for (const row of rows) {
        const plain = new Map<string, string | null>();
        const sets = [];
        // An anonymized column holds '' (no value): it stays as it is, and so does its blind index.
        const emptied = new Set(table.encrypted.filter((column) => row[column] === ''));
        for (const column of table.encrypted) {
          const value = row[column] as string | null;
          if (emptied.has(column)) continue;
          plain.set(column, value === null ? null : pair.cipher.decrypt(value));
          sets.push(sql`${sql.ref(column)} = ${value === null ? null : pair.cipher.encrypt(plain.get(column)!)}`);
        }
        for (const index of table.indexes) {
          if (emptied.has(index.of)) continue;
          const source = plain.get(index.of) ?? null;
          sets.push(sql`${sql.ref(index.column)} = ${source === null ? null : pair.blindIndex.of(index.purpose, source)}`);
        }
        if (sets.length === 0) continue;
        await sql`update ${sql.table(table.table)} set ${sql.join(sets)} where ${sql.ref('id')} = ${row.id}`.execute(trx);
      }
      if (rows.length > 0) afterId = Number(rows[rows.length - 1]!.id);
      return rows.length;
    });
    done += count;
    if (count > 0) onProgress?.({ table: table.table, done, total: Math.max(total, done) });
    if (count < batchSize) return done;
  }
}

async function countNotUnder(db: Db, tables: readonly EncryptedTable[], prefix: string): Promise<number> {
  let left = 0;
  for (const table of tables) left += await countRows(db, table.table, notAllUnder(table.encrypted, prefix));
  return left;
}

async function countRows(db: Db, table: string, where: ReturnType<typeof notAllUnder>): Promise<number> {
  const row = (await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(db)).rows[0];
  return Number(row?.n ?? 0);
}
