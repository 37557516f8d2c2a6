import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect, type Db, type Engine } from '../../src/platform/db/connect.ts';
import { BlindIndex } from '../../src/platform/pii/blind-index.ts';
import { FieldCipher } from '../../src/platform/pii/field-cipher.ts';
import { randomKeyRing } from '../../src/platform/pii/keys.ts';
import { prepareDatabase } from '../../src/platform/runtime.ts';

/** The engine this test run targets (set per Vitest project). */
export const testEngine: Engine = process.env.TUANWU_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export type TestDb = {
  db: Db;
  cipher: FieldCipher;
  blindIndex: BlindIndex;
  auditKey: Buffer;
  /** For a server process: the SQLite file or the PostgreSQL URL. */
  location: { file?: string; url?: string };
  destroy: () => Promise<void>;
};

/** A fresh database (migrated unless asked not to) of the engine under test: a temp SQLite file or a new PostgreSQL database. */
export async function createTestDb(options: { migrate?: boolean } = {}): Promise<TestDb> {
  const migrate = options.migrate ?? true;
  const keys = randomKeyRing();
  const cipher = new FieldCipher(keys.fieldKey);
  const blindIndex = new BlindIndex(keys.indexKey);
  if (testEngine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuanwu-test-'));
    const file = path.join(dir, 'tuanwu.sqlite');
    const db = connect({ engine: 'sqlite', file });
    if (migrate) await prepareDatabase({ db, auditKey: keys.auditKey });
    return {
      db, cipher, blindIndex, auditKey: keys.auditKey, location: { file },
      destroy: async () => {
        await db.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.TUANWU_TEST_DATABASE_URL!;
  const name = `tuanwu_test_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = connect({ engine: 'postgres', url: url.toString(), poolSize: 4 });
  if (migrate) await prepareDatabase({ db, auditKey: keys.auditKey });
  return {
    db, cipher, blindIndex, auditKey: keys.auditKey, location: { url: url.toString() },
    destroy: async () => {
      await db.destroy();
      await dropDatabase(adminUrl, name);
    },
  };
}

/**
 * Drop a test database, ending what still uses it. An autovacuum worker busy in it at that moment
 * makes `with (force)` fail for a role without pg_signal_backend; the worker is gone a moment later.
 */
async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
      return;
    } catch (error) {
      if (attempt >= 20 || !/must be a member of the role whose process is being terminated/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
