import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../src/modules/members/resident-id.ts';
import { createBackup } from '../src/platform/backup/create-backup.ts';
import { findPgTool } from '../src/platform/backup/postgres-tools.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { rowMacKeysOf } from '../src/platform/integrity/mac-keys.ts';
import { verifyLedgerMacs } from '../src/platform/integrity/verify-ledger-macs.ts';
import { createKeyedDemo, storedValues, type KeyedDemo } from '../src/platform/pii/__tests__/keyed-demo.ts';
import type { CryptoProfileName } from '../src/platform/pii/crypto-profile.ts';
import { rotateFieldKeys } from '../src/platform/pii/rotate-field-keys.ts';

/**
 * DOMAIN §12 DB-14: the database at rest (the SQLite files as bytes, a plain pg_dump of the
 * PostgreSQL database) and a `tuanwu backup` file of it hold no resident ID or mobile number in
 * clear, under either profile.
 * The seeded members' own numbers, decrypted through the cipher, are looked for first; then any
 * 18-digit number with a valid GB 11643 check digit. A database rotated from one profile to the
 * other is scanned too: a rotation must not leave numbers in clear behind it.
 */

const PG_DUMP = ['/usr/lib/postgresql/15/bin/pg_dump', '/usr/bin/pg_dump'].find((p) => fs.existsSync(p)) ?? 'pg_dump';

/** The database as it lies on disk or leaves it in a dump, as text (bytes read as latin1 keep ASCII digits). */
async function rawDatabase(d: KeyedDemo): Promise<string> {
  if (d.location.file) {
    // The main file, and the write-ahead log where recent pages still live.
    const dir = path.dirname(d.location.file);
    return fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f)).toString('latin1')).join('\n');
  }
  const { stdout } = await promisify(execFile)(PG_DUMP, ['--format=plain', '--no-owner', '--no-privileges', d.location.url!], { maxBuffer: 512 * 1024 * 1024 });
  return stdout;
}

/**
 * A backup as `tuanwu backup` writes it, as text: the SQLite backup file's bytes, or the
 * PostgreSQL custom-format dump (compressed, so its raw bytes would hide anything) turned back
 * into plain SQL by pg_restore.
 */
async function rawBackup(d: KeyedDemo): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuanwu-pii-backup-'));
  try {
    const config = { ...loadConfig({}), dataDir: d.location.file ? path.dirname(d.location.file) : dir, databaseUrl: d.location.url ?? null };
    const { file } = await createBackup(config, { out: path.join(dir, d.location.file ? 'backup.sqlite' : 'backup.dump') });
    if (d.location.file) return fs.readFileSync(file).toString('latin1');
    const version = (await sql<{ server_version_num: string }>`show server_version_num`.execute(d.db)).rows[0]!.server_version_num;
    const major = Math.floor(Number(version) / 10000);
    const { stdout } = await promisify(execFile)(findPgTool('pg_restore', major), ['--file=-', file], { maxBuffer: 512 * 1024 * 1024 });
    return stdout;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every run of digits (an ID may end in X) in the text. */
function digitRuns(text: string): string[] {
  return text.match(/[0-9X]{11,}/g) ?? [];
}

/** Runs containing one of the values, wherever in the run it sits. */
function containing(runs: readonly string[], values: readonly string[]): string[] {
  const wanted = new Set(values);
  const lengths = [...new Set(values.map((v) => v.length))];
  const found = new Set<string>();
  for (const run of runs) {
    for (const length of lengths) {
      for (let i = 0; i + length <= run.length; i++) if (wanted.has(run.slice(i, i + length))) found.add(run.slice(i, i + length));
    }
  }
  return [...found];
}

/** Standalone 18-character numbers whose 18th character is the GB 11643 check of the first 17. */
function residentIdsIn(runs: readonly string[]): string[] {
  return runs.filter((r) => /^\d{17}[\dX]$/.test(r) && residentIdCheckChar(r.slice(0, 17)) === r[17]);
}

const SCENARIOS: { name: string; seededUnder: CryptoProfileName; profile: CryptoProfileName }[] = [
  { name: 'international profile', seededUnder: 'international', profile: 'international' },
  { name: 'sm profile', seededUnder: 'sm', profile: 'sm' },
  { name: 'rotated from international to sm', seededUnder: 'international', profile: 'sm' },
];

describe.each(SCENARIOS)('personal data at rest, $name', ({ seededUnder, profile }) => {
  let d: KeyedDemo;
  let ids: string[];
  let phones: string[];

  beforeAll(async () => {
    d = await createKeyedDemo(seededUnder);
    if (profile !== seededUnder) await rotateFieldKeys({ db: d.db, keyFile: d.keyFile, auditKey: d.auditKey, profile });
    const { cipher } = d.open(profile);
    const values = await storedValues(d.db);
    const plain = (column: RegExp) => values.filter((v) => column.test(v.where)).map((v) => cipher.decrypt(v.stored));
    ids = plain(/\.id_number_enc#/);
    phones = plain(/phone_enc#/);
  });
  afterAll(async () => d?.close());

  it('should hold every encrypted value under the profile\'s own cipher', async () => {
    const prefix = d.open(profile).cipher.writer.prefix;
    expect(prefix).toMatch(profile === 'sm' ? /^sm1\./ : /^v[12]\./);
    expect((await storedValues(d.db)).filter((v) => !v.stored.startsWith(prefix))).toEqual([]);
    expect(ids.length).toBeGreaterThan(600);
    expect(phones.length).toBeGreaterThan(600);
    expect(ids.every((id) => /^\d{17}[\dX]$/.test(id))).toBe(true);
    expect(phones.every((p) => /^1\d{10}$/.test(p))).toBe(true);
  });

  it('should keep no seeded ID or mobile number in clear anywhere in the database', async () => {
    const runs = digitRuns(await rawDatabase(d));
    expect(containing(runs, ids), 'resident IDs in clear').toEqual([]);
    expect(containing(runs, phones), 'mobile numbers in clear').toEqual([]);
    expect(residentIdsIn(runs), '18-digit numbers with a valid check digit').toEqual([]);
  });

  it('should seal every dues payment and transfer step with the profile\'s MAC under its current key set (DB-13, MP-03)', async () => {
    const keys = rowMacKeysOf(d.open(profile).cipher);
    expect(keys.writer.algorithm).toBe(profile === 'sm' ? 'HMAC-SM3' : 'HMAC-SHA-256');
    const report = await verifyLedgerMacs(d.db, keys);
    expect(report.badRows).toEqual([]);
    for (const table of report.tables) {
      expect(table.rows, table.table).toBeGreaterThan(0);
      expect(table.byKeyId, table.table).toEqual({ [keys.writer.keyId]: table.rows });
    }
  });

  it('should keep no seeded ID or mobile number in clear in a backup file', async () => {
    const runs = digitRuns(await rawBackup(d));
    expect(runs.length, 'the backup holds the data (dates, receipts, numbers)').toBeGreaterThan(100);
    expect(containing(runs, ids), 'resident IDs in clear').toEqual([]);
    expect(containing(runs, phones), 'mobile numbers in clear').toEqual([]);
    expect(residentIdsIn(runs), '18-digit numbers with a valid check digit').toEqual([]);
  });

  it('should find a number that is stored in clear (the scan sees what the database holds)', async () => {
    const member = await d.db.selectFrom('member').select('id').orderBy('id').executeTakeFirstOrThrow();
    await d.db.updateTable('member').set({ workplace: `单位 ${ids[0]}，电话${phones[0]}` }).where('id', '=', member.id).execute();
    const runs = digitRuns(await rawDatabase(d));
    expect(containing(runs, ids)).toEqual([ids[0]]);
    expect(containing(runs, phones)).toEqual([phones[0]]);
    expect(residentIdsIn(runs)).toEqual([ids[0]]);
    // The backup scan sees it too: the file is read as what it holds, not as compressed bytes.
    const backupRuns = digitRuns(await rawBackup(d));
    expect(containing(backupRuns, ids)).toEqual([ids[0]]);
    expect(containing(backupRuns, phones)).toEqual([phones[0]]);
  });
});
