import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/helpers/test-app.ts';
import { systemActor } from '../../audit/audit-log.ts';
import { raiseAlert } from '../security-alerts.ts';

describe('hourly limits and security alerts (DOMAIN §12 AS-22, DB-12)', () => {
  let t: TestApp;
  let county: Client;
  let auditor: Client;
  let countyUserId: number;
  let memberId: number;

  beforeAll(async () => {
    t = await createTestApp();
    county = await t.login('wuhou_admin');
    auditor = await t.login('shenji_admin');
    countyUserId = (await t.db.selectFrom('app_user').select('id').where('username', '=', 'wuhou_admin').executeTakeFirstOrThrow()).id;
    const wuhou = await t.db.selectFrom('organization').select('path').where('name', '=', '共青团武侯区委').executeTakeFirstOrThrow();
    memberId = (await t.db.selectFrom('member').select('id').where('org_path', 'like', `${wuhou.path}%`).orderBy('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t?.close());

  /** Uses the account already made, `minutesAgo` before now. */
  const pastUses = async (kind: string, count: number, minutesAgo: number) => {
    const at = new Date(Date.now() - minutesAgo * 60_000).toISOString();
    await t.db.insertInto('usage_event').values(Array.from({ length: count }, () => ({ user_id: countyUserId, kind, at }))).execute();
  };
  const clearUses = () => t.db.deleteFrom('usage_event').execute();
  const alertsOf = (kind: string) => t.db.selectFrom('security_alert').selectAll().where('kind', '=', kind).where('user_id', '=', countyUserId).execute();

  it('refuses the 11th export in an hour with 429, says when to retry, and raises one alert for the window', async () => {
    await clearUses();
    await pastUses('export', 9, 130); // outside the hour: not counted
    await pastUses('export', 9, 30);
    expect((await county.get('/api/members/export.xlsx?q=__none__')).statusCode).toBe(200); // the 10th
    const refused = await county.get('/api/members/export.xlsx?q=__none__');
    expect(refused.statusCode).toBe(429);
    const error = refused.json().error;
    expect(error.code).toBe('RATE_LIMITED');
    // The oldest counted export (30 minutes ago) leaves the window in about 30 minutes.
    expect(error.retryAfterSeconds).toBeGreaterThan(29 * 60);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(30 * 60);
    expect(refused.headers['retry-after']).toBe(String(error.retryAfterSeconds));
    expect(error.message).toMatch(/上限.*请于\d{2}:\d{2}（约30分钟后）再试/);
    expect(error.messageEn).toMatch(/try again in about 30 minutes/);
    // The full export and the organization export (with its contacts) count against the same limit.
    expect((await county.post('/api/members/full-exports', { reason: '报送名册', q: '__none__' })).statusCode).toBe(429);
    expect((await county.get('/api/orgs/export.xlsx')).statusCode).toBe(429);
    const alerts = await alertsOf('export_rate');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ username: 'wuhou_admin', count: 11, limit_value: 10, acknowledged_at: null });
    expect(alerts[0]!.org_path).not.toBeNull();
    const audit = await t.db.selectFrom('audit_log').select(['action', 'result']).where('action', '=', 'security.alert').execute();
    expect(audit).toEqual([{ action: 'security.alert', result: 'denied' }]);
    // A refused export is not counted: the window holds the ten that went through.
    const counted = await t.db.selectFrom('usage_event').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'export')
      .where('at', '>', new Date(Date.now() - 3_600_000).toISOString()).executeTakeFirstOrThrow();
    expect(Number(counted.n)).toBe(10);
  });

  it('counts organization exports with member exports, so neither is a way round the other', async () => {
    await clearUses();
    await pastUses('export', 9, 10);
    expect((await county.get('/api/orgs/export.xlsx')).statusCode).toBe(200); // the 10th
    expect((await county.get('/api/members/export.xlsx?q=__none__')).statusCode).toBe(429);
    const kinds = await t.db.selectFrom('usage_event').select('kind').where('user_id', '=', countyUserId).execute();
    expect(kinds.filter((k) => k.kind === 'export')).toHaveLength(10);
  });

  it('refuses member detail views and reveals past 200 an hour, with one alert', async () => {
    await clearUses();
    await pastUses('member_detail', 199, 10);
    expect((await county.get(`/api/members/${memberId}`)).statusCode).toBe(200);
    const view = await county.get(`/api/members/${memberId}`);
    expect(view.statusCode).toBe(429);
    expect(view.json().error.message).toMatch(/查看团员详情/);
    const reveal = await county.post(`/api/members/${memberId}/reveal`, { reason: '核对身份' });
    expect(reveal.statusCode).toBe(429);
    expect(await alertsOf('detail_view_rate')).toHaveLength(1);
    // No reveal happened, so none was audited.
    const reveals = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'member.reveal').execute();
    expect(reveals).toHaveLength(0);
  });

  it('lets exactly one of ten parallel views through at the last place, with one alert', async () => {
    await clearUses();
    await t.db.deleteFrom('security_alert').where('kind', '=', 'detail_view_rate').execute();
    await pastUses('member_detail', 199, 5);
    const answers = await Promise.all(Array.from({ length: 10 }, () => county.get(`/api/members/${memberId}`)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, ...Array(9).fill(429)]);
    expect(await alertsOf('detail_view_rate')).toHaveLength(1);
  });

  it('lets the auditor list and acknowledge alerts, and nobody without alert.read', async () => {
    expect((await county.get('/api/security-alerts')).statusCode).toBe(403);
    const open = await auditor.get('/api/security-alerts');
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json().open).toBe(2);
    const first = open.json().items.find((a: { kind: string }) => a.kind === 'export_rate');
    expect(first).toMatchObject({ username: 'wuhou_admin', kindName: '导出过于频繁', count: 11, limit: 10, acknowledgedAt: null });
    expect((await county.post(`/api/security-alerts/${first.id}/acknowledge`, {})).statusCode).toBe(403);
    const acknowledged = await auditor.post(`/api/security-alerts/${first.id}/acknowledge`, { note: '已电话核实，系换届报送' });
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    expect(acknowledged.json()).toMatchObject({ acknowledgedBy: 'shenji_admin' });
    expect((await auditor.get('/api/security-alerts')).json().open).toBe(1);
    expect((await auditor.get('/api/security-alerts?status=all')).json().total).toBe(2);
    const audit = await t.db.selectFrom('audit_log').select('detail').where('action', '=', 'security.alert_acknowledge').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ kind: 'export_rate', note: '已电话核实，系换届报送' });
    expect((await auditor.post('/api/security-alerts/999999/acknowledge', {})).statusCode).toBe(404);
    // The security administrator reads them too (三员: alerts go to the security and audit administrators).
    const security = await t.login('anquan_admin');
    expect((await security.get('/api/security-alerts?status=all')).json().total).toBe(2);
  });

  it('raises an alert once per window when asked to', async () => {
    const actor = { ...systemActor, userId: countyUserId, username: 'wuhou_admin' };
    const now = new Date('2030-01-01T00:00:00Z');
    const raise = (at: Date) => t.db.transaction().execute((trx) => raiseAlert(trx, t.auditKey, actor, { kind: 'export_rate', count: 11, orgPath: null, oncePerMs: 3_600_000 }, at));
    expect(await raise(now)).not.toBeNull();
    expect(await raise(new Date(now.getTime() + 59 * 60_000))).toBeNull();
    expect(await raise(new Date(now.getTime() + 61 * 60_000))).not.toBeNull();
  });
});
