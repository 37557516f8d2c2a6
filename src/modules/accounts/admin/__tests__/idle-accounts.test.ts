import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rule } from '../../../../platform/rules/rules.ts';
import { disableIdleAccounts } from '../idle-accounts.ts';
import { createTestApp, type Client, type TestApp } from '../../../../../test/helpers/test-app.ts';

const DAY = 86_400_000;

/** 闲置账号停用 (DOMAIN §12 DB-05): with a fixed clock, accounts idle past auth.idleDisableDays are disabled. */
describe('disabling idle accounts', () => {
  let t: TestApp;
  let idleClient: Client;
  const now = new Date('2027-06-30T02:00:00.000Z');
  const daysBefore = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const statusOf = async (username: string) => (await t.db.selectFrom('app_user').select('status').where('username', '=', username).executeTakeFirstOrThrow()).status;

  beforeAll(async () => {
    t = await createTestApp();
    idleClient = await t.login('wuhou_admin');
    const days = rule('auth.idleDisableDays');
    const set = (username: string, values: { last_login_at?: string | null; created_at?: string; status?: string }) =>
      t.db.updateTable('app_user').set(values).where('username', '=', username).execute();
    // Every demo account just signed in or was just made: move them all to "recently active" first.
    await t.db.updateTable('app_user').set({ last_login_at: daysBefore(1), created_at: daysBefore(400) }).execute();
    await set('wuhou_admin', { last_login_at: daysBefore(days + 1) });
    await set('chengdu_admin', { last_login_at: daysBefore(days - 1) });
    await set('zhishu_demo', { last_login_at: null, created_at: daysBefore(days + 10) });
    await set('tuanyuan_demo', { last_login_at: null, created_at: daysBefore(days - 10) });
    await set('shenji_admin', { last_login_at: daysBefore(days + 50), status: 'pending' });
  });
  afterAll(async () => t?.close());

  it('disables accounts past the limit (from creation when never signed in), ends their sessions and audits each', async () => {
    expect((await idleClient.get('/api/auth/me')).statusCode).toBe(200);
    const { disabled } = await disableIdleAccounts(t.db, t.auditKey, now);
    expect(disabled.sort()).toEqual(['wuhou_admin', 'zhishu_demo']);
    expect(await statusOf('wuhou_admin')).toBe('disabled');
    expect(await statusOf('zhishu_demo')).toBe('disabled');
    expect(await statusOf('chengdu_admin')).toBe('active');
    expect(await statusOf('tuanyuan_demo')).toBe('active');
    // an account waiting for activation is left to its code's own expiry
    expect(await statusOf('shenji_admin')).toBe('pending');
    expect((await idleClient.get('/api/auth/me')).statusCode).toBe(401);
    const audit = await t.db.selectFrom('audit_log').select(['target_label', 'actor_username', 'detail']).where('action', '=', 'user.disable_idle').orderBy('seq').execute();
    expect(audit.map((a) => a.target_label).sort()).toEqual(['wuhou_admin', 'zhishu_demo']);
    expect(audit.every((a) => a.actor_username === 'system')).toBe(true);
    expect(JSON.parse(audit.find((a) => a.target_label === 'wuhou_admin')!.detail!)).toMatchObject({ idleDays: rule('auth.idleDisableDays'), endedSessions: 1 });
  });

  it('does nothing more on a second run', async () => {
    expect((await disableIdleAccounts(t.db, t.auditKey, now)).disabled).toEqual([]);
  });

  it('gives an account enabled again by an administrator a full period from then', async () => {
    const system = await t.login('xitong_admin');
    const wuhou = await t.db.selectFrom('app_user').select('id').where('username', '=', 'wuhou_admin').executeTakeFirstOrThrow();
    expect((await system.post(`/api/accounts/${wuhou.id}/enable`, { reason: '本人仍在岗，核实后启用' })).statusCode).toBe(204);
    const enabledAt = (await t.db.selectFrom('app_user').select('reenabled_at').where('id', '=', wuhou.id).executeTakeFirstOrThrow()).reenabled_at!;
    const days = rule('auth.idleDisableDays');
    // its last sign-in stays long past the limit; only the new enabling counts
    await t.db.updateTable('app_user').set({ last_login_at: new Date(Date.parse(enabledAt) - 2 * days * DAY).toISOString() }).where('id', '=', wuhou.id).execute();
    expect((await disableIdleAccounts(t.db, t.auditKey, new Date(Date.parse(enabledAt) + (days - 1) * DAY))).disabled).not.toContain('wuhou_admin');
    expect((await disableIdleAccounts(t.db, t.auditKey, new Date(Date.parse(enabledAt) + (days + 1) * DAY))).disabled).toContain('wuhou_admin');
  });
});
