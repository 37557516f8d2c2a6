import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rule } from '../../../platform/rules/rules.ts';
import { resolveSession } from '../session.service.ts';
import { verifySecondFactor } from '../second-factor.service.ts';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../../../test/helpers/test-app.ts';

/** The code an authenticator app shows for a seed at a moment. */
const codeAt = (secret: string, at: Date) =>
  new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });

describe('second factor, password age and administrators\' idle limit (DOMAIN §12 DB-01, DB-02, DB-04, AS-10)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ secondFactor: 'required' });
  });
  afterAll(async () => t?.close());

  let ipCounter = 0;
  const post = (url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, payload, remoteAddress: `10.9.0.${++ipCounter % 250}` });
  const login = (username: string, password = DEMO_PASSWORD) => post('/api/auth/login', { username, password });
  const sessionCookie = (response: { cookies: { name: string; value: string }[] }) => response.cookies.find((c) => c.name === 'tuanwu_sid')?.value;

  /** Sign in an administrator through enrolment; returns the seed. */
  async function enrol(username: string): Promise<string> {
    const first = await login(username);
    const { challenge } = first.json();
    const seed = (await post('/api/auth/second-factor/enroll', { challenge })).json();
    const done = await post('/api/auth/second-factor/verify', { challenge, code: codeAt(seed.secret, new Date()) });
    expect(done.statusCode).toBe(200);
    return seed.secret as string;
  }

  it('asks an administrator for the second factor before any session exists, and sets the authenticator up at the first sign-in', async () => {
    const first = await login('sheng_admin');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ secondFactor: 'enroll' });
    expect(sessionCookie(first)).toBeUndefined();
    expect(first.json().permissions).toBeUndefined();
    const { challenge } = first.json();

    const seed = await post('/api/auth/second-factor/enroll', { challenge });
    expect(seed.statusCode).toBe(200);
    expect(seed.json().uri).toMatch(/^otpauth:\/\/totp\/.*sheng_admin.*secret=/);
    // asking again shows the same seed (a reload of the page), and the seed is stored encrypted
    expect((await post('/api/auth/second-factor/enroll', { challenge })).json().secret).toBe(seed.json().secret);
    const pending = await t.db.selectFrom('login_challenge').select('pending_secret_enc').executeTakeFirstOrThrow();
    expect(pending.pending_secret_enc).not.toContain(seed.json().secret);

    const wrong = await post('/api/auth/second-factor/verify', { challenge, code: '000000' === codeAt(seed.json().secret, new Date()) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('AUTH_SECOND_FACTOR_INVALID');

    const done = await post('/api/auth/second-factor/verify', { challenge, code: codeAt(seed.json().secret, new Date()) });
    expect(done.statusCode).toBe(200);
    expect(sessionCookie(done)).toBeTruthy();
    expect(done.json().user.secondFactorEnrolled).toBe(true);
    expect(done.json().permissions.length).toBeGreaterThan(0);

    const user = await t.db.selectFrom('app_user').select(['totp_secret_enc', 'totp_enrolled_at']).where('username', '=', 'sheng_admin').executeTakeFirstOrThrow();
    expect(user.totp_secret_enc).toBeTruthy();
    expect(user.totp_secret_enc).not.toContain(seed.json().secret);
    expect(t.cipher.decrypt(user.totp_secret_enc!)).toBe(seed.json().secret);
    expect(user.totp_enrolled_at).toBeTruthy();
    const audit = await t.db.selectFrom('audit_log').select(['action', 'result']).where('actor_username', '=', 'sheng_admin').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.second_factor.challenge', 'auth.second_factor.enroll', 'auth.login']));
    // the challenge is spent
    expect((await post('/api/auth/second-factor/verify', { challenge, code: codeAt(seed.json().secret, new Date()) })).json().error.code).toBe('AUTH_CHALLENGE_EXPIRED');
  });

  it('refuses a code that was already used (replay), and accepts the next one', async () => {
    const secret = await enrol('chengdu_admin');
    const { totp_last_step: spent } = await t.db.selectFrom('app_user').select('totp_last_step').where('username', '=', 'chengdu_admin').executeTakeFirstOrThrow();
    const again = await login('chengdu_admin');
    expect(again.json().secondFactor).toBe('verify');
    const { challenge } = again.json();
    // the code the enrolment used
    const replay = await post('/api/auth/second-factor/verify', { challenge, code: codeAt(secret, new Date(spent! * 30_000)) });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('AUTH_SECOND_FACTOR_INVALID');
    // the following step's code is fresh (one step of clock drift is allowed)
    const next = await post('/api/auth/second-factor/verify', { challenge, code: codeAt(secret, new Date((spent! + 1) * 30_000)) });
    expect(next.statusCode).toBe(200);
  });

  it('counts wrong codes towards the account lock and ends the challenge', async () => {
    const secret = await enrol('wuhou_admin');
    const { challenge } = (await login('wuhou_admin')).json();
    const current = codeAt(secret, new Date());
    const wrongCodes = ['100000', '100001', '100002', '100003', '100004', '100005'].filter((c) => c !== current).slice(0, rule('auth.lockoutFailures'));
    for (const code of wrongCodes) {
      const r = await post('/api/auth/second-factor/verify', { challenge, code });
      expect(r.statusCode).toBe(401);
      expect(r.json().error.code).toBe('AUTH_SECOND_FACTOR_INVALID');
    }
    const locked = await login('wuhou_admin');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('AUTH_LOCKED');
    // the challenge ended with the last allowed try: even the right code cannot use it now
    expect((await post('/api/auth/second-factor/verify', { challenge, code: codeAt(secret, new Date(Date.now() + 30_000)) })).json().error.code).toBe('AUTH_CHALLENGE_EXPIRED');
    const lockouts = await t.db.selectFrom('audit_log').select('id').where('actor_username', '=', 'wuhou_admin').where('action', '=', 'auth.lockout').execute();
    expect(lockouts).toHaveLength(1);
  });

  it('lets a challenge lapse after a few minutes', async () => {
    const { challenge } = (await login('shenji_admin')).json();
    const later = new Date(Date.now() + (rule('auth.secondFactorChallengeMinutes') + 1) * 60_000);
    await expect(verifySecondFactor(t, { challenge, code: '123456', ip: null, requestId: null }, later)).rejects.toMatchObject({ code: 'AUTH_CHALLENGE_EXPIRED' });
  });

  it('signs a branch secretary and a member in with the password alone', async () => {
    for (const username of ['zhishu_demo', 'tuanyuan_demo']) {
      const response = await login(username);
      expect(response.statusCode).toBe(200);
      expect(sessionCookie(response)).toBeTruthy();
      expect(response.json().secondFactor).toBeUndefined();
    }
  });

  it('makes a cadre change a password older than the limit before anything else, but not a member', async () => {
    const old = new Date(Date.now() - (rule('auth.passwordMaxAgeDays') + 1) * 86_400_000).toISOString();
    await t.db.updateTable('app_user').set({ password_changed_at: old }).where('username', 'in', ['zhishu_demo', 'tuanyuan_demo']).execute();
    const secretary = await login('zhishu_demo');
    expect(secretary.json().user).toMatchObject({ mustChangePassword: true, passwordExpired: true });
    const cookies = { tuanwu_sid: sessionCookie(secretary)! };
    const csrf = secretary.json().csrfToken as string;
    const blocked = await t.app.inject({ method: 'GET', url: '/api/members', cookies });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('MUST_CHANGE_PASSWORD');
    const changed = await t.app.inject({ method: 'POST', url: '/api/auth/change-password', cookies, headers: { 'x-csrf-token': csrf }, payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Fresh#Pass2026x' } });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/members', cookies })).statusCode).toBe(200);
    const audit = await t.db.selectFrom('audit_log').select('detail').where('actor_username', '=', 'zhishu_demo').where('action', '=', 'auth.login').where('result', '=', 'ok').execute();
    expect(audit.some((a) => String(a.detail).includes('passwordExpired'))).toBe(true);

    const member = await login('tuanyuan_demo');
    expect(member.json().user).toMatchObject({ mustChangePassword: false, passwordExpired: false });
  });

  it('ends an administrator\'s idle session after 15 minutes and a secretary\'s after 30', async () => {
    const secret = (await t.db.selectFrom('app_user').select('totp_secret_enc').where('username', '=', 'sheng_admin').executeTakeFirstOrThrow()).totp_secret_enc!;
    const { challenge } = (await login('sheng_admin')).json();
    const admin = await post('/api/auth/second-factor/verify', { challenge, code: codeAt(t.cipher.decrypt(secret), new Date(Date.now() + 30_000)) });
    expect(admin.statusCode).toBe(200);
    const adminToken = sessionCookie(admin)!;
    const secretaryToken = sessionCookie(await login('zhishu_demo', 'Fresh#Pass2026x'))!;
    const start = Date.now();
    const at = (minutesLater: number) => new Date(start + minutesLater * 60_000);
    const adminIdle = rule('auth.adminSessionIdleMinutes');
    const idle = rule('auth.sessionIdleMinutes');
    expect(adminIdle).toBeLessThan(idle);
    // a secretary's session outlives an administrator's idle limit…
    expect(await resolveSession(t.db, secretaryToken, at(adminIdle + 1))).not.toBeNull();
    // …the administrator's is still alive just before it, and gone after it
    expect(await resolveSession(t.db, adminToken, at(adminIdle - 1))).not.toBeNull();
    expect(await resolveSession(t.db, adminToken, at(adminIdle - 1 + adminIdle + 1))).toBeNull();
    // the secretary's, last seen at adminIdle + 1, ends once its own idle limit passes
    expect(await resolveSession(t.db, secretaryToken, at(adminIdle + 1 + idle - 1))).not.toBeNull();
    expect(await resolveSession(t.db, secretaryToken, at(adminIdle + 1 + idle - 1 + idle + 1))).toBeNull();
  });
  it('lets the security administrator reset a lost authenticator: sessions end and the next sign-in sets a new one up', async () => {
    await enrol('anquan_admin');
    // the security administrator signs in with its own fresh code (the enrolment above spent this step's)
    const { totp_last_step: spent, totp_secret_enc: stored } = await t.db.selectFrom('app_user').select(['totp_last_step', 'totp_secret_enc']).where('username', '=', 'anquan_admin').executeTakeFirstOrThrow();
    const { challenge } = (await login('anquan_admin')).json();
    const signedIn = await post('/api/auth/second-factor/verify', { challenge, code: codeAt(t.cipher.decrypt(stored!), new Date((spent! + 1) * 30_000)) });
    expect(signedIn.statusCode).toBe(200);
    const security = { cookies: { tuanwu_sid: sessionCookie(signedIn)! }, headers: { 'x-csrf-token': signedIn.json().csrfToken as string } };
    const target = await t.db.selectFrom('app_user').select('id').where('username', '=', 'chengdu_admin').executeTakeFirstOrThrow();
    const chengduSessions = async () => (await t.db.selectFrom('session').select('id').where('user_id', '=', target.id).execute()).length;
    expect(await chengduSessions()).toBeGreaterThan(0);

    const noReason = await t.app.inject({ method: 'POST', url: `/api/accounts/${target.id}/reset-second-factor`, ...security, payload: {} });
    expect(noReason.statusCode).toBe(400);
    const reset = await t.app.inject({ method: 'POST', url: `/api/accounts/${target.id}/reset-second-factor`, ...security, payload: { reason: '手机遗失，本人电话申请' } });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().ended).toBeGreaterThan(0);
    expect(await chengduSessions()).toBe(0);
    expect((await login('chengdu_admin')).json().secondFactor).toBe('enroll');
    const audit = await t.db.selectFrom('audit_log').select(['actor_username', 'detail']).where('action', '=', 'user.reset_second_factor').execute();
    expect(audit).toEqual([{ actor_username: 'anquan_admin', detail: expect.stringContaining('手机遗失') }]);
    // nothing left to reset, and an account that does not exist answers 404
    expect((await t.app.inject({ method: 'POST', url: `/api/accounts/${target.id}/reset-second-factor`, ...security, payload: { reason: '再次重置' } })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'POST', url: '/api/accounts/999999/reset-second-factor', ...security, payload: { reason: '不存在' } })).statusCode).toBe(404);
  });
});
