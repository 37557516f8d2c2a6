import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/platform/config/config.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import { seedDemoProvince } from '../../src/seed/demo-province.ts';
import { createTestDb, type TestDb } from './test-db.ts';

export const DEMO_PASSWORD = 'Demo@2026pass';

/** A signed-in client of the test app. */
export type Client = {
  username: string;
  csrfToken: string;
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>;
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  patch: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
};

export type TestApp = TestDb & {
  app: FastifyInstance;
  login: (username: string, password?: string) => Promise<Client>;
  close: () => Promise<void>;
};

/**
 * The HTTP app over a fresh database seeded with the demo province. The second factor is off
 * unless asked for: the tests of sign-in itself turn it on (test/second-factor.test.ts); the
 * others sign the same accounts in many times a minute, which a one-time code would refuse.
 */
export async function createTestApp(options: { secondFactor?: 'required' | 'off' } = {}): Promise<TestApp> {
  const testDb = await createTestDb();
  await seedDemoProvince(testDb.db, testDb, DEMO_PASSWORD);
  const config = { ...loadConfig({}), dataDir: '/nonexistent', webDistDir: '/nonexistent', secondFactor: options.secondFactor ?? 'off' };
  const app = await buildApp({ db: testDb.db, cipher: testDb.cipher, blindIndex: testDb.blindIndex, auditKey: testDb.auditKey, config, apiDocs: true });
  const login = async (username: string, password = DEMO_PASSWORD): Promise<Client> => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'tuanwu_sid')!;
    const csrfToken = response.json().csrfToken as string;
    const request = (options: InjectOptions) =>
      app.inject({ ...options, cookies: { tuanwu_sid: cookie.value }, headers: { 'x-csrf-token': csrfToken, ...(options.headers ?? {}) } });
    return {
      username, csrfToken, request,
      get: (url) => request({ method: 'GET', url }),
      post: (url, body) => request({ method: 'POST', url, payload: (body ?? {}) as object }),
      patch: (url, body) => request({ method: 'PATCH', url, payload: (body ?? {}) as object }),
    };
  };
  return {
    ...testDb, app, login,
    close: async () => {
      await app.close();
      await testDb.destroy();
    },
  };
}

/** The id of the organization with this exact name (test fixtures only). */
export async function orgIdByName(t: TestDb, name: string): Promise<number> {
  const row = await t.db.selectFrom('organization').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}
