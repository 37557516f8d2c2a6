import { sql } from 'kysely';
import { verifyAuditChain } from '../audit/audit-log.ts';
import type { Db } from '../db/connect.ts';
import { rowMacKeysOfRing } from '../integrity/mac-keys.ts';
import { verifyLedgerMacs } from '../integrity/verify-ledger-macs.ts';
import type { KeyRing } from '../pii/keys.ts';
import { fieldCryptoOf } from '../pii/open-field-crypto.ts';
import { prepareDatabase } from '../runtime.ts';
import { sha256OfFile, type BackupManifest } from './backup-manifest.ts';
import { countRows, listTables } from './database-census.ts';
import type { RestoreReport } from './restore-report.ts';

/** The first step, before anything is restored: is the file the one the manifest describes? */
export function startReport(backupFile: string, manifest: BackupManifest): RestoreReport {
  const actual = sha256OfFile(backupFile);
  return { backupFile, manifest, sha256: { actual, ok: actual === manifest.sha256 }, notes: [] };
}

/**
 * Check a database just restored from a backup against its manifest, filling in the report.
 * Rows are counted before migrating: the question is whether the backup came back whole, and
 * migrations bringing an older backup up to date may add rows (role changes, counters) of their own.
 * The audit chain is verified after them, over the entries they appended too, and so is the MAC
 * of every ledger row (DOMAIN §12 DB-15: "compare per-table row counts and MAC verification").
 */
export async function checkRestoredDatabase(db: Db, ring: KeyRing, report: RestoreReport): Promise<void> {
  const { auditKey } = ring;
  const { manifest } = report;
  const present = new Set(await listTables(db, db.engine));
  const mismatches: NonNullable<RestoreReport['counts']>['mismatches'] = [];
  for (const [table, expected] of Object.entries(manifest.tables)) {
    const actual = present.has(table) ? await countRows(db, table) : null;
    if (actual !== expected) mismatches.push({ table, expected, actual });
  }
  report.counts = { checked: Object.keys(manifest.tables).length, mismatches };

  const head = present.has('audit_head')
    ? (await sql<{ last_seq: number | string; last_hash: string }>`select last_seq, last_hash from audit_head where id = 1`.execute(db)).rows[0]
    : undefined;
  const actualHead = head ? { lastSeq: Number(head.last_seq), lastHash: head.last_hash } : null;
  report.auditHead = {
    ok: actualHead !== null && actualHead.lastSeq === manifest.auditHead.lastSeq && actualHead.lastHash === manifest.auditHead.lastHash,
    actual: actualHead,
  };

  // With the cipher, a backup from before the ledger MACs has its rows sealed as it is brought up to date.
  report.migrationsApplied = await prepareDatabase({ db, auditKey, cipher: fieldCryptoOf(ring).cipher });
  report.newTables = (await listTables(db, db.engine)).filter((t) => !Object.hasOwn(manifest.tables, t));
  report.chain = await verifyAuditChain(db, auditKey);
  report.macs = await verifyLedgerMacs(db, rowMacKeysOfRing(ring));
}
