import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orgIdByName, type Client, type TestApp } from './helpers/test-app.ts';
import { todayInChina } from '../src/platform/time/china-date.ts';

/** The scope matrix of every dues endpoint: a 武侯区 post meets 郫都区's members, payments and organizations. */
const DUES_ENDPOINTS = [
  'GET /api/dues/meta', 'GET /api/dues/members', 'GET /api/dues/members/:id', 'POST /api/dues/assessments', 'POST /api/dues/payments',
  'POST /api/dues/payments/:id/reversal', 'GET /api/dues/stats', 'GET /api/me/dues',
];

describe('dues data scope', () => {
  let t: TestApp;
  let county: Client;
  let province: Client;
  let auditor: Client;
  let foreign: { memberId: number; orgId: number; countyId: number; paymentId: number };

  const snapshot = async () => ({
    members: await t.db.selectFrom('member').select(['id', 'dues_monthly_fen', 'dues_paid_through']).orderBy('id').execute(),
    payments: await t.db.selectFrom('dues_payment').select(['id', 'status']).orderBy('id').execute(),
    assessments: (await t.db.selectFrom('dues_assessment').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    stat: await t.db.selectFrom('dues_stat').selectAll().orderBy('org_id').orderBy('month').execute(),
  });

  beforeAll(async () => {
    t = await createTestApp();
    county = await t.login('wuhou_admin');
    province = await t.login('sheng_admin');
    auditor = await t.login('shenji_admin');
    const countyId = await orgIdByName(t, '共青团郫都区委');
    const pidu = await t.db.selectFrom('organization').select('path').where('id', '=', countyId).executeTakeFirstOrThrow();
    // The latest recorded payment of a 郫都区 member (the demo seeds some), so that a reversal would be allowed in scope.
    const payment = await t.db.selectFrom('dues_payment').innerJoin('member', 'member.id', 'dues_payment.member_id')
      .select(['dues_payment.id', 'dues_payment.member_id', 'member.org_id'])
      .where('dues_payment.org_path', 'like', `${pidu.path}%`).whereRef('dues_payment.to_month', '=', 'member.dues_paid_through')
      .orderBy('dues_payment.id').executeTakeFirstOrThrow();
    foreign = { memberId: payment.member_id, orgId: payment.org_id, countyId, paymentId: payment.id };
  });
  afterAll(async () => t?.close());

  it('lists every dues endpoint in this matrix', () => {
    const registered = t.app.routeList.filter((r) => r.url.startsWith('/api/dues') || r.url === '/api/me/dues').map((r) => `${r.method} ${r.url}`);
    expect(new Set(registered)).toEqual(new Set(DUES_ENDPOINTS));
  });

  it('answers 404 for every read and write of another county\'s dues, changing nothing', async () => {
    const before = await snapshot();
    const attempts = [
      county.get(`/api/dues/members/${foreign.memberId}`),
      county.get(`/api/dues/members?orgId=${foreign.orgId}`),
      county.get(`/api/dues/stats?orgId=${foreign.countyId}`),
      county.post('/api/dues/assessments', { memberIds: [foreign.memberId], category: 'student' }),
      county.post('/api/dues/payments', { memberIds: [foreign.memberId], months: 1, method: 'cash', receiptNo: 'X-1', paidOn: todayInChina() }),
      county.post(`/api/dues/payments/${foreign.paymentId}/reversal`, { reason: '越权撤销' }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.statusCode, response.body).toBe(404);
    expect(await snapshot()).toEqual(before);
    // The province reaches the same objects, so the 404s are about scope.
    expect((await province.get(`/api/dues/members/${foreign.memberId}`)).statusCode).toBe(200);
    expect((await province.get(`/api/dues/stats?orgId=${foreign.countyId}`)).statusCode).toBe(200);
  });

  it('mixes no foreign member into a batch: one member out of scope stops the whole batch', async () => {
    const own = (await county.get('/api/dues/members?kind=paid_up&pageSize=1')).json().items[0];
    const before = await snapshot();
    const response = await county.post('/api/dues/assessments', { memberIds: [own.id, foreign.memberId], category: 'student' });
    expect(response.statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('counts and lists only its own subtree', async () => {
    const own = (await county.get('/api/dues/members?pageSize=200')).json();
    const wuhou = await t.db.selectFrom('organization').select('path').where('id', '=', await orgIdByName(t, '共青团武侯区委')).executeTakeFirstOrThrow();
    const expected = await t.db.selectFrom('member').select((eb) => eb.fn.countAll<number>().as('n')).where('org_path', 'like', `${wuhou.path}%`).where('is_active', '=', 1).executeTakeFirstOrThrow();
    expect(own.total).toBe(Number(expected.n));
    expect((await county.get('/api/dues/stats')).json().org.active).toBe(Number(expected.n));
  });

  it('keeps dues away from posts without the permission', async () => {
    expect((await auditor.get('/api/dues/members')).statusCode).toBe(403);
    expect((await auditor.get('/api/dues/stats')).statusCode).toBe(403);
  });
});
