import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rule } from '../../../platform/rules/rules.ts';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../../../test/helpers/test-app.ts';

/** Guessing and stuffing raise security alerts for the administrators (DOMAIN §12 DB-12, AS-07). */
describe('sign-in alerts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const loginFrom = (ip: string, username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
  const alerts = (kind: string) => t.db.selectFrom('security_alert').selectAll().where('kind', '=', kind).execute();

  it('raises one alert when an address passes the sign-in limit, however often it keeps trying', async () => {
    const ip = '198.51.100.7';
    const statuses: number[] = [];
    for (let i = 0; i < rule('auth.loginRatePerMinute') + 5; i++) statuses.push((await loginFrom(ip, `user${i}`, 'Wrong#pass1')).statusCode);
    expect(statuses.filter((s) => s === 429).length).toBe(5);
    await expect.poll(async () => (await alerts('sign_in_flood')).length).toBe(1);
    const [alert] = await alerts('sign_in_flood');
    expect(alert).toMatchObject({ username: `anonymous@${ip}`, user_id: null });
    const shenji = await t.login('shenji_admin');
    const listed = await shenji.get('/api/security-alerts');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((a: { kind: string }) => a.kind)).toContain('sign_in_flood');
  });

  it('raises an alert when an account is locked, and none for the wrong passwords before it', async () => {
    for (let i = 1; i < rule('auth.lockoutFailures'); i++) await loginFrom('203.0.113.20', 'zhishu_demo', 'Wrong#pass1');
    expect(await alerts('account_lockout')).toHaveLength(0);
    await loginFrom('203.0.113.20', 'zhishu_demo', 'Wrong#pass1');
    const raised = await alerts('account_lockout');
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ username: 'zhishu_demo', count: rule('auth.lockoutFailures') });
    expect((await loginFrom('203.0.113.21', 'zhishu_demo', DEMO_PASSWORD)).statusCode).toBe(423);
  });
});
