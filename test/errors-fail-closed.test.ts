import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config/config.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { createTestApp, DEMO_PASSWORD, type TestApp } from './helpers/test-app.ts';

/** Errors that give nothing away, and logs that cannot be forged or leak (DOMAIN §12 AS-27, AS-28, DB-09). */
describe('generic errors and safe logs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('answers a failing permission lookup with a generic 500 and no data, and the next request works again', async () => {
    const admin = await t.login('sheng_admin');
    expect((await admin.get('/api/orgs?pageSize=5')).statusCode).toBe(200);
    await sql`alter table role_permission rename to role_permission_away`.execute(t.db);
    try {
      const broken = await admin.get('/api/orgs?pageSize=5');
      expect(broken.statusCode).toBe(500);
      const body = broken.json();
      expect(body.error.code).toBe('INTERNAL');
      expect(Object.keys(body).sort()).toEqual(['error', 'requestId']);
      expect(broken.body).not.toMatch(/role_permission|select|sqlite|postgres|stack|at \//i);
      expect(broken.body).not.toContain('共青团');
    } finally {
      await sql`alter table role_permission_away rename to role_permission`.execute(t.db);
    }
    expect((await admin.get('/api/orgs?pageSize=5')).statusCode).toBe(200);
  });

  it('keeps every log line one JSON record when a request carries line breaks and terminal escapes, and logs no ID, phone or password', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter((l) => l.length > 0));
        done();
      },
    });
    const config = { ...loadConfig({}), secondFactor: 'off' as const, dataDir: '/nonexistent', webDistDir: '/nonexistent' };
    const logged = await buildApp({ db: t.db, cipher: t.cipher, blindIndex: t.blindIndex, auditKey: t.auditKey, config, logger: { level: 'info', stream } });
    try {
      const forged = 'evil\n{"level":30,"msg":"admin signed in"}\u001b[31m';
      await logged.inject({ method: 'POST', url: '/api/auth/login', payload: { username: forged, password: 'Wrong#pass1' } });
      await logged.inject({ method: 'GET', url: `/api/orgs?q=${encodeURIComponent(forged)}` });
      const signedIn = await logged.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'sheng_admin', password: DEMO_PASSWORD } });
      // a member looked up by resident ID and by phone: the URL's query never reaches the log
      const member = await t.db.selectFrom('member').select(['id_number_enc', 'phone_enc']).where('phone_enc', 'is not', null).limit(1).executeTakeFirstOrThrow();
      const idNumber = t.cipher.decrypt(member.id_number_enc);
      const phone = t.cipher.decrypt(member.phone_enc!);
      const cookies = { tuanwu_sid: signedIn.cookies.find((c) => c.name === 'tuanwu_sid')!.value };
      for (const q of [idNumber, phone]) {
        const found = await logged.inject({ method: 'GET', url: `/api/members?q=${q}`, cookies });
        expect(found.statusCode).toBe(200);
        expect(found.json().total).toBeGreaterThanOrEqual(1);
      }
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.some((l) => l.includes('/api/members'))).toBe(true);
      expect(lines.join('\n')).not.toContain(idNumber);
      expect(lines.join('\n')).not.toContain(phone);
      for (const line of lines) {
        const record = JSON.parse(line) as Record<string, unknown>;
        expect(typeof record).toBe('object');
        expect(line).not.toContain('\u001b');
        expect(record.msg).not.toBe('admin signed in');
      }
      // and no password is ever written to the log (DB-03)
      expect(lines.join('\n')).not.toContain(DEMO_PASSWORD);
      expect(lines.join('\n')).not.toContain('Wrong#pass1');
    } finally {
      await logged.close();
    }
  });
});
