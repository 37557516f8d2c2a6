import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../../../test/helpers/test-db.ts';
import { DEMO_PASSWORD } from '../../../../test/helpers/test-app.ts';
import { seedDemoActivity } from '../../../seed/demo-activity.ts';
import { seedDemoProvince } from '../../../seed/demo-province.ts';
import { loadConfig } from '../../config/config.ts';
import type { Db } from '../../db/connect.ts';
import { buildApp } from '../../http/app.ts';
import type { CryptoProfileName } from '../crypto-profile.ts';
import { encryptedTables } from '../encrypted-tables.ts';
import type { FieldCipher } from '../field-cipher.ts';
import { loadOrCreateKeyRing } from '../keys.ts';
import { openFieldCrypto, type FieldCryptoPair } from '../open-field-crypto.ts';

/**
 * The demo province (members, applicants, organization contacts) in a test database, encrypted
 * with keys from a real key file, so that a rotation can rewrite the file and the data together.
 * (createTestApp's keys are random and never leave test-db.ts.)
 */
export type KeyedDemo = TestDb & {
  keyFile: string;
  /** The cipher and blind index the key file gives today, for `profile`. */
  open: (profile: CryptoProfileName) => FieldCryptoPair;
  close: () => Promise<void>;
};

export async function createKeyedDemo(profile: CryptoProfileName): Promise<KeyedDemo> {
  const t = await createTestDb();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuanwu-keyed-'));
  const keyFile = path.join(dir, 'keys.json');
  const open = (p: CryptoProfileName) => openFieldCrypto(loadOrCreateKeyRing(dir, keyFile, p), p);
  const keys = { ...open(profile), auditKey: t.auditKey };
  await seedDemoProvince(t.db, keys, DEMO_PASSWORD);
  await seedDemoActivity(t.db, keys);
  return {
    ...t, keyFile, open,
    close: async () => {
      await t.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every value of every registered encrypted column, as stored. */
export async function storedValues(db: Db): Promise<{ where: string; stored: string }[]> {
  const values: { where: string; stored: string }[] = [];
  for (const table of encryptedTables()) {
    for (const column of table.encrypted) {
      const rows = (await sql<{ id: number; v: string | null }>`select id, ${sql.ref(column)} as v from ${sql.table(table.table)} order by id`.execute(db)).rows;
      for (const row of rows) if (row.v !== null) values.push({ where: `${table.table}.${column}#${row.id}`, stored: row.v });
    }
  }
  return values;
}

/** Every registered encrypted value decrypted, by where it is. */
export async function plaintexts(db: Db, cipher: FieldCipher): Promise<Map<string, string>> {
  return new Map((await storedValues(db)).map((v) => [v.where, cipher.decrypt(v.stored)]));
}

/** The HTTP app over the database with these keys, and a signed-in GET as a demo account. */
export async function appWith(t: TestDb, pair: FieldCryptoPair): Promise<{ app: FastifyInstance; getAs: (username: string) => Promise<(url: string) => Promise<LightMyRequestResponse>> }> {
  const config = { ...loadConfig({}), secondFactor: 'off' as const, dataDir: '/nonexistent', webDistDir: '/nonexistent' };
  const app = await buildApp({ db: t.db, ...pair, auditKey: t.auditKey, config });
  const getAs = async (username: string) => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
    if (login.statusCode !== 200) throw new Error(`login ${username}: ${login.statusCode} ${login.body}`);
    const cookie = login.cookies.find((c) => c.name === 'tuanwu_sid')!;
    return (url: string) => app.inject({ method: 'GET', url, cookies: { tuanwu_sid: cookie.value } });
  };
  return { app, getAs };
}
