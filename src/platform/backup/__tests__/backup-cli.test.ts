import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit/audit-log.ts';
import { connect, type Db } from '../../db/connect.ts';
import { allMigrations } from '../../db/migrations/index.ts';
import { loadOrCreateKeyRing } from '../../pii/keys.ts';
import type { BackupManifest } from '../backup-manifest.ts';
import { countRows } from '../database-census.ts';
import { createTestDb, testEngine, type TestDb } from '../../../../test/helpers/test-db.ts';

const bin = path.resolve(import.meta.dirname, '../../../../bin/tuanwu.js');

type Location = { file?: string; url?: string };

function tuanwu(env: NodeJS.ProcessEnv, ...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, output: run.stdout + run.stderr };
}

/** The command line's environment for a database: its SQLite directory or its PostgreSQL URL, and the shared key file. */
function envFor(location: Location, keysDir: string, keyFile = path.join(keysDir, 'keys.json')): NodeJS.ProcessEnv {
  return {
    ...process.env, TUANWU_DEMO_PASSWORD: 'Demo@2026pass',
    TUANWU_DATA_DIR: location.file ? path.dirname(location.file) : keysDir,
    TUANWU_KEY_FILE: keyFile,
    TUANWU_DATABASE_URL: location.url ?? '',
  };
}

/** An empty database to restore into: a directory without a SQLite file yet, or a new PostgreSQL database. */
async function emptyTarget(): Promise<{ location: Location; destroy: () => Promise<void> }> {
  if (testEngine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuanwu-restore-'));
    return { location: { file: path.join(dir, 'tuanwu.sqlite') }, destroy: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const db = await createTestDb({ migrate: false });
  return { location: db.location, destroy: db.destroy };
}

/** A connection opened only for the time of `use`: an open SQLite file is a database in use. */
async function withDb<T>(location: Location, use: (db: Db) => Promise<T>): Promise<T> {
  const db = location.file ? connect({ engine: 'sqlite', file: location.file }) : connect({ engine: 'postgres', url: location.url!, poolSize: 2 });
  try {
    return await use(db);
  } finally {
    await db.destroy();
  }
}

function copyBackup(file: string, manifest: string, dir: string, name: string): string {
  const copy = path.join(dir, name);
  fs.copyFileSync(file, copy);
  fs.copyFileSync(manifest, `${copy}.manifest.json`);
  return copy;
}

describe('tuanwu backup and restore (command line)', () => {
  let keysDir: string;
  let source: TestDb;
  let sourceEnv: NodeJS.ProcessEnv;
  let backupFile: string;
  let manifestFile: string;
  let manifest: BackupManifest;

  beforeAll(async () => {
    keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuanwu-backup-'));
    source = await createTestDb({ migrate: false });
    sourceEnv = envFor(source.location, keysDir);
    expect(tuanwu(sourceEnv, 'seed', 'demo').status).toBe(0);
    // The test keeps its own connection to the source open, as a running server would.
    const backup = tuanwu(sourceEnv, 'backup');
    expect(backup.status, backup.output).toBe(0);
    expect(backup.stdout).toContain('The keys are NOT in this backup');
    const dir = path.join(sourceEnv.TUANWU_DATA_DIR!, 'backups');
    const name = fs.readdirSync(dir).find((f) => !f.endsWith('.manifest.json'))!;
    expect(name).toMatch(new RegExp(`^tuanwu-${testEngine}-\\d{8}T\\d{6}Z\\.${testEngine === 'sqlite' ? 'sqlite' : 'dump'}$`));
    backupFile = path.join(dir, name);
    manifestFile = `${backupFile}.manifest.json`;
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BackupManifest;
  });

  afterAll(async () => {
    await source?.destroy();
    if (keysDir) fs.rmSync(keysDir, { recursive: true, force: true });
  });

  it('writes the backup and a manifest with every table, its row count, the audit head and the SHA-256, readable by the owner only', async () => {
    expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(manifestFile).mode & 0o777).toBe(0o600);
    expect(manifest.engine).toBe(testEngine);
    expect(manifest.sha256).toBe(crypto.createHash('sha256').update(fs.readFileSync(backupFile)).digest('hex'));
    const tables = (await source.db.introspection.getTables({ withInternalKyselyTables: true })).filter((t) => !t.isView).map((t) => t.name);
    expect(Object.keys(manifest.tables).sort()).toEqual([...tables].sort());
    for (const table of ['organization', 'member', 'audit_log', 'schema_migration']) {
      expect(manifest.tables[table], table).toBe(await countRows(source.db, table));
    }
    expect(manifest.tables.organization).toBeGreaterThan(200);
    const head = await source.db.selectFrom('audit_head').select(['last_seq', 'last_hash']).executeTakeFirstOrThrow();
    expect(manifest.auditHead).toEqual({ lastSeq: Number(head.last_seq), lastHash: head.last_hash });
    expect(manifest.migrations).toContain('0001-foundation');
  });

  it('verifies the backup in a temporary database and restores it into an empty one with the same rows and an intact audit chain', async () => {
    const verified = tuanwu(sourceEnv, 'backup', 'verify', backupFile);
    expect(verified.status, verified.output).toBe(0);
    expect(verified.stdout).toContain('PASSED');

    const target = await emptyTarget();
    try {
      const restored = tuanwu(envFor(target.location, keysDir), 'restore', backupFile);
      expect(restored.status, restored.output).toBe(0);
      expect(restored.stdout).toMatch(/audit chain intact: \d+ entries/);
      const auditKey = loadOrCreateKeyRing(keysDir, path.join(keysDir, 'keys.json')).auditKey;
      await withDb(target.location, async (db) => {
        for (const [table, expected] of Object.entries(manifest.tables)) expect(await countRows(db, table), table).toBe(expected);
        expect(await verifyAuditChain(db, auditKey)).toMatchObject({ ok: true, entries: manifest.auditHead.lastSeq });
      });
    } finally {
      await target.destroy();
    }
  });

  it('refuses to restore over a database that holds organizations unless --force', async () => {
    const target = await emptyTarget();
    try {
      const env = envFor(target.location, keysDir);
      expect(tuanwu(env, 'restore', backupFile).status).toBe(0);
      // A change after the restore, which a refused restore must leave in place.
      await withDb(target.location, (db) => db.updateTable('organization').set({ name: '未被覆盖' }).where('parent_id', 'is', null).execute());
      const refused = tuanwu(env, 'restore', backupFile);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('--force');
      const rootName = (location: Location) => withDb(location, async (db) =>
        (await db.selectFrom('organization').select('name').where('parent_id', 'is', null).executeTakeFirstOrThrow()).name);
      expect(await rootName(target.location)).toBe('未被覆盖');

      const forced = tuanwu(env, 'restore', backupFile, '--force');
      expect(forced.status, forced.output).toBe(0);
      expect(forced.stdout).toContain('PASSED');
      expect(await rootName(target.location)).not.toBe('未被覆盖');
    } finally {
      await target.destroy();
    }
  });

  it('fails the check for a backup with one byte changed, and restores nothing from it', async () => {
    const tampered = copyBackup(backupFile, manifestFile, keysDir, `tampered.${testEngine}`);
    const bytes = fs.readFileSync(tampered);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0xff;
    fs.writeFileSync(tampered, bytes);

    const verified = tuanwu(sourceEnv, 'backup', 'verify', tampered);
    expect(verified.status).toBe(1);
    expect(verified.stderr).toContain('SHA-256');
    expect(verified.stderr).toContain('FAILED');

    const target = await emptyTarget();
    try {
      const restored = tuanwu(envFor(target.location, keysDir), 'restore', tampered);
      expect(restored.status).toBe(1);
      expect(restored.stderr).toContain('nothing was restored');
      if (target.location.file) expect(fs.existsSync(target.location.file)).toBe(false);
      else expect(await withDb(target.location, (db) => db.introspection.getTables())).toHaveLength(0);
    } finally {
      await target.destroy();
    }
  });

  it('exits 2 when the audit chain does not verify with the configured key file', () => {
    const otherKeys = path.join(keysDir, 'other-keys.json');
    loadOrCreateKeyRing(keysDir, otherKeys);
    const verified = tuanwu(envFor(source.location, keysDir, otherKeys), 'backup', 'verify', backupFile);
    expect(verified.status).toBe(2);
    expect(verified.stderr).toContain('audit chain BROKEN at seq 1');
  });

  it('brings an older backup up to date: the newer migrations run and the tables they add are reported as new', async () => {
    // A database one migration behind the code, as a backup taken before an upgrade would be.
    const migrations = allMigrations(testEngine);
    const latest = Object.keys(migrations).at(-1)!;
    delete migrations[latest];
    const older = await createTestDb({ migrate: false });
    const target = await emptyTarget();
    try {
      const migrated = await new Migrator({
        db: older.db, provider: { getMigrations: async () => migrations }, migrationTableName: 'schema_migration', migrationLockTableName: 'schema_migration_lock',
      }).migrateToLatest();
      expect(migrated.error).toBeUndefined();
      const olderFile = path.join(keysDir, `older.${testEngine}`);
      const backedUp = tuanwu(envFor(older.location, keysDir), 'backup', '--out', olderFile);
      expect(backedUp.status, backedUp.output).toBe(0);
      const olderManifest = JSON.parse(fs.readFileSync(`${olderFile}.manifest.json`, 'utf8')) as BackupManifest;
      const added = Object.keys(manifest.tables).filter((t) => !Object.hasOwn(olderManifest.tables, t));

      // Restored over the current schema, whose newer tables must give way to the backup's.
      const env = envFor(target.location, keysDir);
      expect(tuanwu(env, 'restore', backupFile).status).toBe(0);
      const restored = tuanwu(env, 'restore', olderFile, '--force');
      expect(restored.status, restored.output).toBe(0);
      expect(restored.stdout).toContain(`newer migrations applied: ${latest}`);
      if (added.length > 0) expect(restored.stdout).toContain(`new tables, not in the backup: ${added.join(', ')}`);
      expect(restored.stdout).toContain('PASSED');
    } finally {
      await target.destroy();
      await older.destroy();
    }
  });

  it.runIf(testEngine === 'sqlite')('refuses to replace a SQLite file another process has open', async () => {
    const target = await emptyTarget();
    try {
      const env = envFor(target.location, keysDir);
      expect(tuanwu(env, 'restore', backupFile).status).toBe(0);
      await withDb(target.location, async (db) => {
        await countRows(db, 'organization');
        const refused = tuanwu(env, 'restore', backupFile, '--force');
        expect(refused.status).toBe(1);
        expect(refused.stderr).toContain('in use');
      });
    } finally {
      await target.destroy();
    }
  });
});
