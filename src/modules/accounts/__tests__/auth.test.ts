import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../platform/audit/audit-log.ts';
import { rule } from '../../../platform/rules/rules.ts';
import { resolveSession } from '../session.service.ts';
import { createPost, createUser } from '../users.service.ts';
import { createTestApp, DEMO_PASSWORD, orgIdByName, type TestApp } from '../../../../test/helpers/test-app.ts';

describe('sign-in and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const loginRaw = (username: string, password: string, ip = '10.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

  it('sets an HttpOnly SameSite session cookie and never returns the token in the body', async () => {
    const response = await loginRaw('sheng_admin', DEMO_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'tuanwu_sid')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.value.length).toBeGreaterThanOrEqual(43);
    expect(response.body).not.toContain(cookie.value);
    expect(response.json().permissions).toContain('org.create');
  });

  it('locks an account after repeated failures, even for the right password, then lets it in after the lock expires', async () => {
    const ip = '10.0.0.2';
    for (let i = 1; i < rule('auth.lockoutFailures'); i++) expect((await loginRaw('chengdu_admin', 'Wrong@pass1', ip)).statusCode).toBe(401);
    expect((await loginRaw('chengdu_admin', 'Wrong@pass1', ip)).statusCode).toBe(401);
    const locked = await loginRaw('chengdu_admin', DEMO_PASSWORD, ip);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('AUTH_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'result']).where('actor_username', '=', 'chengdu_admin').execute();
    expect(audit.filter((a) => a.action === 'auth.login' && a.result === 'denied').length).toBeGreaterThanOrEqual(rule('auth.lockoutFailures'));
    expect(audit.filter((a) => a.action === 'auth.lockout')).toHaveLength(1);
    // the lock expires by itself: no attacker can keep a victim out for good
    await t.db.updateTable('app_user').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).where('username', '=', 'chengdu_admin').execute();
    expect((await loginRaw('chengdu_admin', DEMO_PASSWORD, ip)).statusCode).toBe(200);
  });

  it('gives the same answer for an unknown user as for a wrong password', async () => {
    const unknown = await loginRaw('nobody_here', 'Wrong@pass1', '10.0.0.3');
    const wrong = await loginRaw('shenji_admin', 'Wrong@pass1', '10.0.0.3');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error).toEqual(wrong.json().error);
  });

  it('rate-limits sign-in attempts per address', async () => {
    const ip = '10.0.0.4';
    const statuses: number[] = [];
    for (let i = 0; i <= rule('auth.loginRatePerMinute'); i++) statuses.push((await loginRaw(`ghost${i}`, 'x', ip)).statusCode);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    const limited = await loginRaw('ghost', 'x', ip);
    expect(limited.json().error.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('refuses writes without the CSRF token and requests without a session', async () => {
    const client = await t.login('wuhou_admin');
    const noToken = await t.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { tuanwu_sid: 'x' } });
    expect(noToken.statusCode).toBe(401);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/orgs/tree' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
    const forged = await client.request({ method: 'POST', url: '/api/auth/logout', headers: { 'x-csrf-token': 'forged' } });
    expect(forged.json().error.code).toBe('CSRF_FAILED');
  });

  it('ends the session at logout; the old cookie no longer works', async () => {
    const client = await t.login('wuhou_admin');
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('expires idle sessions and sessions past their absolute lifetime', async () => {
    const response = await loginRaw('zhishu_demo', DEMO_PASSWORD, '10.0.0.5');
    const token = response.cookies.find((c) => c.name === 'tuanwu_sid')!.value;
    const now = Date.now();
    expect(await resolveSession(t.db, token, new Date(now + 60_000))).not.toBeNull();
    const idle = rule('auth.sessionIdleMinutes') * 60_000;
    expect(await resolveSession(t.db, token, new Date(now + 60_000 + idle + 1000))).toBeNull();
    const again = await loginRaw('zhishu_demo', DEMO_PASSWORD, '10.0.0.5');
    const token2 = again.cookies.find((c) => c.name === 'tuanwu_sid')!.value;
    // keep it busy (touched every 20 minutes) but past 12 hours
    let at = Date.now();
    const end = at + rule('auth.sessionAbsoluteHours') * 3_600_000 + 60_000;
    let alive = true;
    while (at < end && alive) {
      at += 20 * 60_000;
      alive = (await resolveSession(t.db, token2, new Date(at))) !== null;
    }
    expect(alive).toBe(false);
    expect(at).toBeGreaterThan(Date.now() + (rule('auth.sessionAbsoluteHours') - 1) * 3_600_000);
  });

  it('changes a password under the policy and ends the other sessions', async () => {
    const deps = { db: t.db, auditKey: t.auditKey, actor: systemActor };
    const user = await createUser(deps, { username: 'pw_tester', displayName: '改密', password: 'First@Pass2026', mustChange: true });
    await createPost(deps, { userId: user.id, orgId: await orgIdByName(t, '共青团武侯区委'), roleCode: 'committee_admin' });
    const first = await t.login('pw_tester', 'First@Pass2026');
    const second = await t.login('pw_tester', 'First@Pass2026');
    const blocked = await first.get('/api/orgs/tree');
    expect(blocked.json().error.code).toBe('MUST_CHANGE_PASSWORD');
    for (const weak of ['short1!', 'alllowercaseletters', 'Password1', 'pw_tester@2026X']) {
      const refused = await first.post('/api/auth/change-password', { currentPassword: 'First@Pass2026', newPassword: weak });
      expect(refused.statusCode, weak).toBe(422);
      expect(refused.json().error.fields[0].field).toBe('newPassword');
    }
    const wrongCurrent = await first.post('/api/auth/change-password', { currentPassword: 'nope', newPassword: 'Second#Pass2026' });
    expect(wrongCurrent.json().error.fields[0].field).toBe('currentPassword');
    expect((await first.post('/api/auth/change-password', { currentPassword: 'First@Pass2026', newPassword: 'Second#Pass2026' })).statusCode).toBe(204);
    expect((await first.get('/api/orgs/tree')).statusCode).toBe(200);
    expect((await second.get('/api/auth/me')).statusCode).toBe(401);
    await expect(t.login('pw_tester', 'First@Pass2026')).rejects.toThrow(/401/);
    await t.login('pw_tester', 'Second#Pass2026');
  });

  it('stores no password or token in clear', async () => {
    const users = await t.db.selectFrom('app_user').select('password_hash').execute();
    for (const u of users) expect(u.password_hash).toMatch(/^scrypt\$/);
    const audit = JSON.stringify(await t.db.selectFrom('audit_log').selectAll().execute());
    expect(audit).not.toContain(DEMO_PASSWORD);
    expect(audit).not.toContain('Wrong@pass1');
  });
});

describe('logout without a body', () => {
  it('accepts a POST with no payload, as browsers send it', async () => {
    const t = await createTestApp();
    try {
      const client = await t.login('wuhou_admin');
      const response = await client.request({ method: 'POST', url: '/api/auth/logout' });
      expect(response.statusCode, response.body).toBe(204);
    } finally {
      await t.close();
    }
  });
});
