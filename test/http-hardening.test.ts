import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config/config.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { createTestApp, DEMO_PASSWORD, type TestApp } from './helpers/test-app.ts';

/** Response headers, proxy handling, TLS-only sign-in and the session cookie (DOMAIN §12 AS-03, AS-24, AS-25, AS-29, AS-30, DB-03, DB-16). */
describe('HTTP hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const securityHeaders = (headers: Record<string, unknown>) => {
    const hsts = String(headers['strict-transport-security']);
    expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31_536_000);
    expect(hsts).toContain('includeSubDomains');
    const csp = String(headers['content-security-policy']);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "script-src 'self'"]) expect(csp).toContain(directive);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
  };

  it('sends the security headers on the web shell, the API and downloads', async () => {
    securityHeaders((await t.app.inject({ method: 'GET', url: '/orgs' })).headers);
    const admin = await t.login('sheng_admin');
    const api = await admin.get('/api/orgs?pageSize=5');
    expect(api.statusCode).toBe(200);
    securityHeaders(api.headers);
    const download = await admin.get('/api/orgs/export.xlsx');
    expect(download.statusCode).toBe(200);
    securityHeaders(download.headers);
  });

  it('lets no cache keep an API answer, and clears the browser\'s copy at logout', async () => {
    const admin = await t.login('sheng_admin');
    for (const url of ['/api/auth/me', '/api/orgs?pageSize=5', '/api/members?pageSize=5', '/api/workplan/plans']) {
      expect((await admin.get(url)).headers['cache-control'], url).toBe('no-store');
    }
    const out = await admin.post('/api/auth/logout', {});
    expect(out.statusCode).toBe(204);
    expect(out.headers['clear-site-data']).toBe('"cache", "storage"');
    expect((await admin.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('records the connecting address, not a client\'s X-Forwarded-For, unless the proxy is trusted', async () => {
    const spoofed = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'sheng_admin', password: 'wrong-Password-1' }, headers: { 'x-forwarded-for': '203.0.113.9' }, remoteAddress: '192.0.2.1' });
    expect(spoofed.statusCode).toBe(401);
    const entry = await t.db.selectFrom('audit_log').select('ip').where('action', 'like', 'auth.login%').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(entry.ip).toBe('192.0.2.1');

    const config = { ...loadConfig({}), secondFactor: 'off' as const, dataDir: '/nonexistent', webDistDir: '/nonexistent', trustProxy: '192.0.2.1' };
    const behindProxy = await buildApp({ db: t.db, cipher: t.cipher, blindIndex: t.blindIndex, auditKey: t.auditKey, config });
    try {
      await behindProxy.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'sheng_admin', password: 'wrong-Password-1' }, headers: { 'x-forwarded-for': '203.0.113.9' }, remoteAddress: '192.0.2.1' });
      const proxied = await t.db.selectFrom('audit_log').select('ip').where('action', 'like', 'auth.login%').orderBy('seq', 'desc').executeTakeFirstOrThrow();
      expect(proxied.ip).toBe('203.0.113.9');
    } finally {
      await behindProxy.close();
    }
  });

  it('serves the API documentation only when asked to', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/docs/json' })).statusCode).toBe(200);
    const config = { ...loadConfig({}), secondFactor: 'off' as const, dataDir: '/nonexistent', webDistDir: '/nonexistent' };
    const production = await buildApp({ db: t.db, cipher: t.cipher, blindIndex: t.blindIndex, auditKey: t.auditKey, config });
    try {
      expect((await production.inject({ method: 'GET', url: '/docs/json' })).statusCode).toBe(404);
      expect((await production.inject({ method: 'GET', url: '/docs' })).statusCode).toBe(404);
      expect((await production.inject({ method: 'TRACE' as 'GET', url: '/api/orgs' })).statusCode).toBeGreaterThanOrEqual(400);
    } finally {
      await production.close();
    }
  });
  it('behind TLS, refuses clear-text API requests before reading them and names the cookie __Host- with Secure', async () => {
    const config = { ...loadConfig({}), secondFactor: 'off' as const, dataDir: '/nonexistent', webDistDir: '/nonexistent', secureCookies: true, trustProxy: '127.0.0.1' };
    const tls = await buildApp({ db: t.db, cipher: t.cipher, blindIndex: t.blindIndex, auditKey: t.auditKey, config });
    try {
      const before = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      // a body that does not even parse: refused for the clear-text connection, not for the body
      const plain = await tls.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": "sheng_admin", "password": "Demo' });
      expect(plain.statusCode).toBe(403);
      expect(plain.json().error.code).toBe('HTTPS_REQUIRED');
      expect(plain.headers['set-cookie']).toBeUndefined();
      const after = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));

      const secure = await tls.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { username: 'zhishu_demo', password: DEMO_PASSWORD } });
      expect(secure.statusCode).toBe(200);
      const raw = String(secure.headers['set-cookie']);
      expect(raw).toMatch(/^__Host-tuanwu_sid=/);
      expect(raw).toContain('Secure');
      expect(raw).toContain('HttpOnly');
      expect(raw).toContain('Path=/');
      expect(raw).not.toMatch(/Domain=/i);
      const cookie = secure.cookies.find((c) => c.name === '__Host-tuanwu_sid')!;
      const me = await tls.inject({ method: 'GET', url: '/api/auth/me', headers: { 'x-forwarded-proto': 'https' }, cookies: { '__Host-tuanwu_sid': cookie.value } });
      expect(me.statusCode).toBe(200);
      // the unprefixed name is not read: a sibling site cannot plant a session cookie under it
      const planted = await tls.inject({ method: 'GET', url: '/api/auth/me', headers: { 'x-forwarded-proto': 'https' }, cookies: { tuanwu_sid: cookie.value } });
      expect(planted.statusCode).toBe(401);
    } finally {
      await tls.close();
    }
  });
});
