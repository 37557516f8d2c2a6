import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orgIdByName, type Client, type TestApp } from '../../../../test/helpers/test-app.ts';
import { rebuildMemberStats } from '../../members/stats/rebuild-member-stats.ts';
import { rebuildDuesStats } from '../dues-collection-counters.ts';
import { addMonths, monthInChina } from '../../../platform/time/months.ts';
import { todayInChina } from '../../../platform/time/china-date.ts';

describe('dues (团费)', () => {
  let t: TestApp;
  let province: Client;
  let county: Client; // 武侯区
  let secretary: Client; // one branch in 武侯区
  let branchId: number;
  const thisMonth = monthInChina();
  const today = todayInChina();

  const payment = (memberIds: number[], overrides: Record<string, unknown> = {}) => ({
    memberIds, months: 3, method: 'cash', receiptNo: 'SJ-2021-0001', paidOn: today, ...overrides,
  });
  const member = (id: number) => t.db.selectFrom('member').select(['dues_monthly_fen', 'dues_paid_through']).where('id', '=', id).executeTakeFirstOrThrow();
  const counts = async () => ({
    payments: (await t.db.selectFrom('dues_payment').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    assessments: (await t.db.selectFrom('dues_assessment').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    audit: (await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    members: await t.db.selectFrom('member').select(['id', 'dues_monthly_fen', 'dues_paid_through']).orderBy('id').execute(),
  });
  /** Branch members never assessed, for tests that start from a clean ledger. */
  const unassessedInBranch = async (n: number) => {
    const rows = await t.db.selectFrom('member').select(['id', 'name', 'joined_league_on']).where('org_id', '=', branchId).where('is_active', '=', 1).where('dues_monthly_fen', 'is', null).orderBy('id').limit(n).execute();
    expect(rows.length, 'the demo leaves some members unassessed').toBe(n);
    return rows;
  };

  beforeAll(async () => {
    t = await createTestApp();
    province = await t.login('sheng_admin');
    county = await t.login('wuhou_admin');
    secretary = await t.login('zhishu_demo');
    const me = (await secretary.get('/api/auth/me')).json();
    branchId = me.posts.find((p: { id: number }) => p.id === me.currentPostId).orgId;
    // Enough unassessed members in the secretary's branch for the tests below.
    await t.db.updateTable('member').set({ dues_monthly_fen: null, dues_paid_through: null }).where('org_id', '=', branchId).execute();
    await t.db.deleteFrom('dues_payment').where('org_id', '=', branchId).execute();
    await t.db.deleteFrom('dues_assessment').where('member_id', 'in', (eb) => eb.selectFrom('member').select('id').where('org_id', '=', branchId)).execute();
    await rebuildMemberStats(t.db);
    await rebuildDuesStats(t.db);
  });
  afterAll(async () => t?.close());

  it('assesses students at the flat rate and wage earners by income at the boundaries', async () => {
    const [a, b, c, d] = await unassessedInBranch(4);
    const assess = (id: number, body: Record<string, unknown>) => secretary.post('/api/dues/assessments', { memberIds: [id], ...body });
    expect((await assess(a!.id, { category: 'student' })).json()).toEqual({ assessed: 1, monthlyFen: 20 });
    expect((await assess(b!.id, { category: 'wage', incomeFen: 199_999 })).json().monthlyFen).toBe(300);
    expect((await assess(c!.id, { category: 'wage', incomeFen: 200_000 })).json().monthlyFen).toBe(400);
    expect((await assess(d!.id, { category: 'wage', incomeFen: 1_000_000 })).json().monthlyFen).toBe(2000);
    const ledger = (await secretary.get(`/api/dues/members/${c!.id}`)).json();
    expect(ledger).toMatchObject({ assessed: true, category: 'wage', monthlyFen: 400, paidThrough: addMonths(thisMonth, -1), startMonth: thisMonth });
    expect(ledger.standing).toMatchObject({ owedMonths: 1, overdueMonths: 0, lapseWarning: false, owedFen: 400 });
    expect(ledger.assessments[0]).toMatchObject({ incomeFen: 200_000, monthlyFen: 400 });
    // A new income changes the amount, not what was paid.
    expect((await assess(c!.id, { category: 'wage', incomeFen: 550_000 })).json().monthlyFen).toBe(1100);
    expect(await member(c!.id)).toEqual({ dues_monthly_fen: 1100, dues_paid_through: addMonths(thisMonth, -1) });
  });

  it('records a payment for several members at once and moves their ledgers, lists and statistics', async () => {
    const rows = await unassessedInBranch(3);
    const ids = rows.map((r) => r.id);
    expect((await secretary.post('/api/dues/assessments', { memberIds: ids, category: 'student' })).statusCode).toBe(200);
    const before = (await county.get(`/api/dues/stats?orgId=${branchId}`)).json().org;
    const paid = await secretary.post('/api/dues/payments', payment(ids, { months: 6, extraFen: 100 }));
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toEqual({ payments: 3, amountFen: 3 * (6 * 20 + 100) });
    for (const id of ids) expect((await member(id)).dues_paid_through).toBe(addMonths(thisMonth, 5));
    const ledger = (await secretary.get(`/api/dues/members/${ids[0]}`)).json();
    expect(ledger.payments[0]).toMatchObject({ fromMonth: thisMonth, toMonth: addMonths(thisMonth, 5), months: 6, amountFen: 220, method: 'cash', status: 'recorded' });
    expect(ledger.months.at(-1)).toEqual({ month: thisMonth, state: 'paid' });
    const after = (await county.get(`/api/dues/stats?orgId=${branchId}`)).json().org;
    expect(after.paidUp - before.paidUp).toBe(3);
    expect(after.collectedMonthFen - before.collectedMonthFen).toBe(660);
    const paidUp = (await secretary.get('/api/dues/members?kind=paid_up&pageSize=200')).json();
    for (const id of ids) expect(paidUp.items.map((m: { id: number }) => m.id)).toContain(id);
  });

  it('lists members owing long enough for the 自行脱团 warning', async () => {
    const [late] = await unassessedInBranch(1);
    // Dues from eight months back, never paid: seven whole months overdue.
    const from = addMonths(thisMonth, -7);
    await t.db.updateTable('member').set({ joined_league_on: addMonths(thisMonth, -24) }).where('id', '=', late!.id).execute();
    const assessed = await secretary.post('/api/dues/assessments', { memberIds: [late!.id], category: 'student', fromMonth: from });
    expect(assessed.statusCode, assessed.body).toBe(200);
    const lapse = (await secretary.get('/api/dues/members?kind=lapse&pageSize=200')).json();
    const item = lapse.items.find((m: { id: number }) => m.id === late!.id);
    expect(item.standing).toEqual({ owedMonths: 8, overdueMonths: 7, lapseWarning: true, owedFen: 160 });
    const stats = (await secretary.get('/api/dues/stats')).json();
    expect(stats.org.lapse).toBeGreaterThanOrEqual(1);
    // Paying two months brings it under the warning.
    expect((await secretary.post('/api/dues/payments', payment([late!.id], { months: 2 }))).statusCode).toBe(200);
    const still = (await secretary.get('/api/dues/members?kind=lapse&pageSize=200')).json().items.map((m: { id: number }) => m.id);
    expect(still).not.toContain(late!.id);
  });

  it('refuses bad input field by field and changes nothing', async () => {
    const [fresh] = await unassessedInBranch(1);
    const assessedId = (await t.db.selectFrom('member').select('id').where('org_id', '=', branchId).where('dues_monthly_fen', 'is not', null).orderBy('id').executeTakeFirstOrThrow()).id;
    const before = await counts();
    const cases: { url: string; body: unknown; field: string; code?: string }[] = [
      { url: '/api/dues/assessments', body: { memberIds: [fresh!.id], category: 'wage' }, field: 'incomeFen', code: 'required' },
      { url: '/api/dues/assessments', body: { memberIds: [fresh!.id], category: 'student', fromMonth: '2021-13' }, field: 'fromMonth' },
      { url: '/api/dues/assessments', body: { memberIds: [fresh!.id], category: 'student', fromMonth: addMonths(thisMonth, 3) }, field: 'fromMonth', code: 'too_far_ahead' },
      { url: '/api/dues/assessments', body: { memberIds: [fresh!.id], category: 'student', fromMonth: addMonths(fresh!.joined_league_on, -1) }, field: 'fromMonth', code: 'before_joining' },
      { url: '/api/dues/assessments', body: { memberIds: [fresh!.id], category: 'rich' }, field: 'category' },
      { url: '/api/dues/assessments', body: { memberIds: [], category: 'student' }, field: 'memberIds' },
      { url: '/api/dues/payments', body: payment([fresh!.id]), field: 'memberIds', code: 'not_assessed' },
      { url: '/api/dues/payments', body: payment([assessedId], { months: 0 }), field: 'months' },
      { url: '/api/dues/payments', body: payment([assessedId], { months: 24 }), field: 'months', code: 'too_far_ahead' },
      { url: '/api/dues/payments', body: payment([assessedId], { paidOn: '2999-01-01' }), field: 'paidOn', code: 'in_future' },
      { url: '/api/dues/payments', body: payment([assessedId], { paidOn: '2021-02-30' }), field: 'paidOn', code: 'invalid_date' },
      { url: '/api/dues/payments', body: payment([assessedId], { receiptNo: ' ' }), field: 'receiptNo', code: 'invalid_receipt' },
      { url: '/api/dues/payments', body: payment([assessedId], { method: 'wechat' }), field: 'method', code: 'invalid_choice' },
      { url: '/api/dues/payments', body: payment([assessedId], { provider: 'alipay' }), field: 'provider', code: 'unknown_provider' },
      { url: '/api/dues/payments', body: payment([assessedId], { extraFen: -5 }), field: 'extraFen' },
      { url: '/api/dues/payments', body: { ...payment([assessedId]), amount: 1 }, field: 'amount' },
    ];
    for (const c of cases) {
      const response = await secretary.post(c.url, c.body);
      expect(response.statusCode, `${JSON.stringify(c)} → ${response.body}`).toBe(400);
      const body = response.json();
      const fields = body.error.fields as { field: string; code: string; message: string; messageEn?: string }[];
      expect(fields.map((f) => f.field), JSON.stringify(c)).toContain(c.field);
      if (c.code) expect(fields.find((f) => f.field === c.field)!.code, JSON.stringify(c)).toBe(c.code);
    }
    expect(await counts()).toEqual(before);
  });

  it('reverses only a member\'s latest payment and takes its amount out of the month', async () => {
    const [m] = await unassessedInBranch(1);
    await secretary.post('/api/dues/assessments', { memberIds: [m!.id], category: 'farmer' });
    await secretary.post('/api/dues/payments', payment([m!.id], { months: 2, receiptNo: 'A-1' }));
    await secretary.post('/api/dues/payments', payment([m!.id], { months: 1, receiptNo: 'A-2' }));
    const [latest, earlier] = (await secretary.get(`/api/dues/members/${m!.id}`)).json().payments;
    expect([latest.reversible, earlier.reversible]).toEqual([true, false]);
    const statsBefore = (await secretary.get('/api/dues/stats')).json().org;
    const notLatest = await secretary.post(`/api/dues/payments/${earlier.id}/reversal`, { reason: '登记错误' });
    expect(notLatest.statusCode).toBe(409);
    expect(notLatest.json().error.code).toBe('DUES_REFUSED');
    expect((await secretary.post(`/api/dues/payments/${latest.id}/reversal`, { reason: '登记错误' })).statusCode).toBe(204);
    expect((await member(m!.id)).dues_paid_through).toBe(addMonths(thisMonth, 1));
    const again = await secretary.post(`/api/dues/payments/${latest.id}/reversal`, { reason: '登记错误' });
    expect(again.statusCode).toBe(409);
    const statsAfter = (await secretary.get('/api/dues/stats')).json().org;
    expect(statsBefore.collectedMonthFen - statsAfter.collectedMonthFen).toBe(20);
    expect(statsBefore.paymentsYear - statsAfter.paymentsYear).toBe(1);
    const ledger = (await secretary.get(`/api/dues/members/${m!.id}`)).json();
    expect(ledger.payments[0]).toMatchObject({ id: latest.id, status: 'reversed', reversedReason: '登记错误', reversedBy: 'zhishu_demo' });
    expect((await secretary.post(`/api/dues/payments/${earlier.id}/reversal`, { reason: '登记错误' })).statusCode).toBe(204);
  });

  it('keeps the maintained counters equal to a full recount', async () => {
    const read = async () => ({
      stat: await t.db.selectFrom('member_stat').select(['org_id', 'bucket', 'n']).where('dimension', '=', 'dues_through').where('n', '!=', 0).orderBy('org_id').orderBy('bucket').execute(),
    });
    const maintained = await read();
    await rebuildMemberStats(t.db);
    expect(await read()).toEqual(maintained);
    // dues_stat against the payments themselves, for the branch and the province root
    const province = (await province_root());
    for (const orgId of [branchId, province]) {
      const counter = await t.db.selectFrom('dues_stat').select(['month', 'collected_fen', 'payments']).where('org_id', '=', orgId).where('payments', '!=', 0).orderBy('month').execute();
      const path = (await t.db.selectFrom('organization').select('path').where('id', '=', orgId).executeTakeFirstOrThrow()).path;
      const recount = await t.db.selectFrom('dues_payment').select(['collected_month as month', (eb) => eb.fn.sum<number>('amount_fen').as('collected_fen'), (eb) => eb.fn.countAll<number>().as('payments')])
        .where('status', '=', 'recorded').where('org_path', 'like', `${path}%`).groupBy('collected_month').orderBy('collected_month').execute();
      expect(counter.map((c) => ({ ...c, collected_fen: Number(c.collected_fen), payments: Number(c.payments) })))
        .toEqual(recount.map((c) => ({ ...c, collected_fen: Number(c.collected_fen), payments: Number(c.payments) })));
    }
  });
  const province_root = async () => (await t.db.selectFrom('organization').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id;

  it('never pays the same months twice when two secretaries record at once', async () => {
    const [m] = await unassessedInBranch(1);
    await secretary.post('/api/dues/assessments', { memberIds: [m!.id], category: 'student' });
    const other = await t.login('zhishu_demo');
    const results = await Promise.all([secretary.post('/api/dues/payments', payment([m!.id], { months: 2 })), other.post('/api/dues/payments', payment([m!.id], { months: 2 }))]);
    const ok = results.filter((r) => r.statusCode === 200).length;
    for (const r of results) expect([200, 409]).toContain(r.statusCode);
    expect(ok).toBeGreaterThanOrEqual(1);
    const rows = await t.db.selectFrom('dues_payment').select(['from_month', 'to_month']).where('member_id', '=', m!.id).where('status', '=', 'recorded').orderBy('from_month').execute();
    expect(rows.length).toBe(ok);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.from_month > rows[i - 1]!.to_month).toBe(true);
    expect((await member(m!.id)).dues_paid_through).toBe(addMonths(thisMonth, 2 * ok - 1));
  });

  it('shows statistics per child organization with each level\'s retained share', async () => {
    const stats = (await province.get('/api/dues/stats')).json();
    expect(stats.org.level).toBe('province');
    expect(stats.children.length).toBe(21);
    expect(stats.retention.map((r: { level: string; percent: number }) => r.percent)).toEqual([3, 9.5, 12.5, 25, 50]);
    const wuhou = (await province.get(`/api/dues/stats?orgId=${await orgIdByName(t, '共青团成都市委')}`)).json().children.find((c: { name: string }) => c.name === '共青团武侯区委');
    expect(wuhou.level).toBe('county');
    expect(wuhou.assessed + wuhou.unassessed).toBe(wuhou.active);
    expect(wuhou.paidUp + wuhou.owing).toBe(wuhou.assessed);
    expect(wuhou.retainedYearFen).toBe(Math.round(wuhou.collectedYearFen * 0.25));
    expect(wuhou.remittedYearFen).toBe(Math.round(wuhou.collectedYearFen * 0.25));
    const sum = (key: string) => stats.children.reduce((s: number, c: Record<string, number>) => s + c[key]!, 0);
    for (const key of ['active', 'assessed', 'paidUp', 'lapse', 'collectedYearFen']) expect(sum(key), key).toBe(stats.org[key]);
  });

  it('moves collections and payments with a branch that moves to another county', async () => {
    const branch = await t.db.selectFrom('organization').select(['id', 'parent_id']).where('id', '=', branchId).executeTakeFirstOrThrow();
    const pidu = await orgIdByName(t, '共青团郫都区委');
    const wuhou = await orgIdByName(t, '共青团武侯区委');
    const yearFen = async (orgId: number) => (await province.get(`/api/dues/stats?orgId=${orgId}`)).json().org.collectedYearFen;
    const [branchFen, piduBefore, wuhouBefore] = [await yearFen(branchId), await yearFen(pidu), await yearFen(wuhou)];
    expect(branchFen).toBeGreaterThan(0);
    expect((await province.post(`/api/orgs/${branchId}/move`, { newParentId: pidu })).statusCode).toBe(200);
    expect(await yearFen(pidu)).toBe(piduBefore + branchFen);
    expect(await yearFen(wuhou)).toBe(wuhouBefore - branchFen);
    const moved = await t.db.selectFrom('organization').select('path').where('id', '=', branchId).executeTakeFirstOrThrow();
    for (const p of await t.db.selectFrom('dues_payment').select('org_path').where('org_id', '=', branchId).execute()) expect(p.org_path).toBe(moved.path);
    const maintained = await t.db.selectFrom('dues_stat').selectAll().where('payments', '!=', 0).orderBy('org_id').orderBy('month').execute();
    await rebuildDuesStats(t.db);
    expect(await t.db.selectFrom('dues_stat').selectAll().where('payments', '!=', 0).orderBy('org_id').orderBy('month').execute()).toEqual(maintained);
    expect((await province.post(`/api/orgs/${branchId}/move`, { newParentId: branch.parent_id })).statusCode).toBe(200);
    expect(await yearFen(wuhou)).toBe(wuhouBefore);
  });

  it('shows a member their own dues', async () => {
    const me = await t.login('tuanyuan_demo');
    const own = await me.get('/api/me/dues');
    expect(own.statusCode).toBe(200);
    const linked = (await t.db.selectFrom('app_user').select('member_id').where('username', '=', 'tuanyuan_demo').executeTakeFirstOrThrow()).member_id;
    expect(own.json().memberId).toBe(linked);
    expect((await me.get('/api/dues/meta')).statusCode).toBe(200);
    expect((await me.get(`/api/dues/members/${linked}`)).statusCode).toBe(403);
    // A post without self.read has no own-record page at all.
    expect((await secretary.get('/api/me/dues')).statusCode).toBe(403);
  });
});
