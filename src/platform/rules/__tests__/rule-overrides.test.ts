import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina, yearsBefore } from '../../time/china-date.ts';
import { rule } from '../rules.ts';
import { loadRuleOverrides } from '../rule-overrides.ts';
import { createTestApp, type Client, type TestApp } from '../../../../test/helpers/test-app.ts';

describe('rule numbers set by the province', () => {
  let t: TestApp;
  let province: Client;
  let system: Client;
  let county: Client;
  const set = (c: Client, key: string, body: Record<string, unknown>) => c.request({ method: 'PUT', url: `/api/rules/${key}`, payload: body });
  const valid = { source: '四川省委组织部2026年通知', effectiveFrom: '2026-01-01', reason: '按省里新规定调整' };

  beforeAll(async () => {
    t = await createTestApp();
    province = await t.login('sheng_admin');
    // Rule numbers are set by the system administrator (三员, DOMAIN §12 DB-06), not by a business role.
    system = await t.login('xitong_admin');
    county = await t.login('wuhou_admin');
  });
  afterAll(async () => {
    await t?.db.deleteFrom('rule_override').execute();
    if (t) await loadRuleOverrides(t.db);
    await t?.close();
  });

  it('lists every rule with its source and effective date', async () => {
    const items = (await county.get('/api/rules')).json().items as { key: string; value: number; source: string; effectiveFrom: string }[];
    const maxAge = items.find((i) => i.key === 'membership.maxAge')!;
    expect(maxAge).toMatchObject({ value: 28, effectiveFrom: '2018-07-01' });
    expect(maxAge.source).toContain('团章');
    for (const item of items) expect(item.source.length).toBeGreaterThan(3);
  });

  it('lets the system administrator change a number, which the code then reads, with the change recorded', async () => {
    const member = await t.db.selectFrom('member').select(['id', 'birth_date']).where('status', '=', 'normal').where('birth_date', '<=', yearsBefore(todayInChina(), 28)).where('birth_date', '>', yearsBefore(todayInChina(), 29)).executeTakeFirstOrThrow();
    const listed = async () => (await province.get('/api/members?worklist=age_out&pageSize=200')).json().items.map((m: { id: number }) => m.id) as number[];
    expect(await listed()).toContain(member.id);
    expect((await set(system, 'membership.maxAge', { value: 30, ...valid })).statusCode).toBe(204);
    expect(rule('membership.maxAge')).toBe(30);
    expect(await listed()).not.toContain(member.id);
    const item = (await system.get('/api/rules')).json().items.find((i: { key: string }) => i.key === 'membership.maxAge');
    expect(item).toMatchObject({ value: 30, defaultValue: 28, overridden: true, source: valid.source });
    expect(item.history[0]).toMatchObject({ value: 30, reason: valid.reason, by: 'xitong_admin' });
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'rule.override').execute();
    expect(audit).toHaveLength(1);
  });

  it('applies a change only from its effective date', async () => {
    expect((await set(system, 'auth.lockoutFailures', { value: 8, ...valid, effectiveFrom: '2099-01-01' })).statusCode).toBe(204);
    expect(rule('auth.lockoutFailures')).toBe(5);
  });

  it('refuses values that would switch a safeguard off, other posts, and unknown rules', async () => {
    for (const [value, code] of [[0, 'not_positive'], [-3, 'not_positive'], [2.5, 'not_integer'], [100000, 'too_large']] as const) {
      const response = await set(system, 'auth.lockoutFailures', { value, ...valid });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields[0].code).toBe(code);
    }
    expect((await set(county, 'membership.maxAge', { value: 29, ...valid })).statusCode).toBe(403);
    expect((await set(province, 'membership.maxAge', { value: 29, ...valid })).statusCode).toBe(403);
    expect((await set(system, 'no.such.rule', { value: 1, ...valid })).statusCode).toBe(404);
    expect(rule('membership.maxAge')).toBe(30);
  });

  it('holds a ceiling a standard sets: a full export waits at most 60 minutes (DOMAIN §12 DB-16), even against a row written behind the API', async () => {
    const longer = await set(system, 'export.fullExportTtlMinutes', { value: 120, ...valid });
    expect(longer.statusCode).toBe(400);
    expect(longer.json().error.fields[0]).toMatchObject({ field: 'value', code: 'above_maximum' });
    expect(longer.json().error.fields[0].message).toContain('上限60分钟');
    expect(await t.db.selectFrom('rule_override').select('id').where('rule_key', '=', 'export.fullExportTtlMinutes').execute()).toHaveLength(0);
    await t.db.insertInto('rule_override').values({
      rule_key: 'export.fullExportTtlMinutes', value: 600, source: 'x', effective_from: '2020-01-01', reason: 'x', created_by_user_id: null, created_by_username: 'x', created_at: new Date().toISOString(),
    }).execute();
    await loadRuleOverrides(t.db);
    expect(rule('export.fullExportTtlMinutes')).toBe(60);
    // Shortening it is the province's choice.
    expect((await set(system, 'export.fullExportTtlMinutes', { value: 30, ...valid })).statusCode).toBe(204);
    expect(rule('export.fullExportTtlMinutes')).toBe(30);
  });
});
