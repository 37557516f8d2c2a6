import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orgIdByName, type Client, type TestApp } from '../../../../test/helpers/test-app.ts';
import { accountAt } from '../../../../test/helpers/test-accounts.ts';
import { todayInChina } from '../../../platform/time/china-date.ts';

describe('团籍注册与教育评议 (registration and evaluation)', () => {
  let t: TestApp;
  let secretary: Client;
  let county: Client;
  let branchId: number;
  let cycleId: number;
  let entries: { memberId: number; exempt: boolean }[];
  const today = todayInChina();
  const year = Number(today.slice(0, 4));

  beforeAll(async () => {
    t = await createTestApp();
    secretary = await t.login('zhishu_demo');
    county = await t.login('wuhou_admin');
    const me = (await secretary.get('/api/auth/me')).json();
    branchId = me.posts.find((p: { id: number }) => p.id === me.currentPostId).orgId;
    // One Party member keeping 团籍, who registers without being evaluated.
    const first = await t.db.selectFrom('member').select('id').where('org_id', '=', branchId).where('status', '=', 'normal').orderBy('id').executeTakeFirstOrThrow();
    await t.db.updateTable('member').set({ political_status: 'party_member' }).where('id', '=', first.id).execute();
  });
  afterAll(async () => t?.close());

  it('opens the year for every member of the branch, once', async () => {
    const opened = await secretary.post('/api/evaluations', { orgId: branchId, year });
    expect(opened.statusCode, opened.body).toBe(200);
    cycleId = opened.json().id;
    entries = opened.json().entries;
    const members = await t.db.selectFrom('member').select('id').where('org_id', '=', branchId).where('status', '=', 'normal').execute();
    expect(opened.json()).toMatchObject({ status: 'open', branchMembers: members.length });
    const party = await t.db.selectFrom('member').select('id').where('org_id', '=', branchId).where('status', '=', 'normal')
      .where('political_status', 'in', ['party_member', 'probationary_party_member']).execute();
    expect(party.length).toBeGreaterThanOrEqual(1);
    expect(entries.filter((e) => e.exempt).map((e) => e.memberId).sort()).toEqual(party.map((p) => p.id).sort());
    expect((await secretary.post('/api/evaluations', { orgId: branchId, year })).statusCode).toBe(409);
  });

  it('refuses a submission without quorum, decisions, grades, or with too many 优秀', async () => {
    const submit = () => secretary.post(`/api/evaluations/${cycleId}/submit`, {});
    expect((await submit()).json().error.reason).toBe('no_meeting');
    const n = entries.length;
    const twoThirds = Math.floor((n * 2) / 3);
    await secretary.request({ method: 'PUT', url: `/api/evaluations/${cycleId}/meeting`, payload: { meetingOn: today, attendees: twoThirds } });
    expect((await submit()).json().error.reason).toBe('no_quorum');
    await secretary.request({ method: 'PUT', url: `/api/evaluations/${cycleId}/meeting`, payload: { meetingOn: today, attendees: n } });
    expect((await submit()).json().error.reason).toBe('registration_missing');
    const evaluated = entries.filter((e) => !e.exempt);
    const put = (rows: Record<string, unknown>[]) => secretary.request({ method: 'PUT', url: `/api/evaluations/${cycleId}/entries`, payload: { entries: rows } });
    expect((await put(entries.map((e) => ({ memberId: e.memberId, registration: 'registered' })))).statusCode).toBe(200);
    expect((await submit()).json().error.reason).toBe('grade_missing');
    // Everyone 优秀: over 30%.
    expect((await put(evaluated.map((e) => ({ memberId: e.memberId, grade: 'excellent', registration: 'registered' })))).statusCode).toBe(200);
    expect((await submit()).json().error.reason).toBe('too_many_excellent');
    // Field checks: a Party member graded, an unqualified grade without its correction period, a deferral out of range.
    const exempt = entries.find((e) => e.exempt)!;
    const bad = await put([
      { memberId: exempt.memberId, grade: 'qualified', registration: 'registered' },
      { memberId: evaluated[0]!.memberId, grade: 'unqualified', registration: 'registered' },
      { memberId: evaluated[1]!.memberId, registration: 'deferred', deferMonths: 12 },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`)).toEqual([
      'entries.0.grade:exempt', 'entries.1.correctionMonths:out_of_range', 'entries.2.deferMonths:out_of_range',
    ]);
  });

  it('submits a valid proposal, is decided only above the branch, and lists the unregistered', async () => {
    const evaluated = entries.filter((e) => !e.exempt);
    const maxExcellent = Math.floor((evaluated.length * 30) / 100);
    const rows = evaluated.map((e, i) => ({
      memberId: e.memberId, registration: i === 1 ? 'deferred' : 'registered', deferMonths: i === 1 ? 3 : null,
      grade: i < maxExcellent ? 'excellent' : i === evaluated.length - 1 ? 'unqualified' : 'qualified', correctionMonths: i === evaluated.length - 1 ? 4 : null,
    }));
    expect((await secretary.request({ method: 'PUT', url: `/api/evaluations/${cycleId}/entries`, payload: { entries: rows } })).statusCode).toBe(200);
    const submitted = await secretary.post(`/api/evaluations/${cycleId}/submit`, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    const unqualified = submitted.json().entries.find((e: { grade: string }) => e.grade === 'unqualified');
    expect(unqualified.correctionUntil > today).toBe(true);
    // Not editable once submitted; the branch cannot approve itself.
    expect((await secretary.request({ method: 'PUT', url: `/api/evaluations/${cycleId}/entries`, payload: { entries: rows } })).statusCode).toBe(409);
    expect((await secretary.post(`/api/evaluations/${cycleId}/decision`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await county.post(`/api/evaluations/${cycleId}/decision`, { decision: 'return' })).statusCode).toBe(400);
    expect((await county.post(`/api/evaluations/${cycleId}/decision`, { decision: 'approve' })).json().status).toBe('approved');
    // Unregistered: the deferred member, and everyone in the county's other branches without an approved cycle.
    const unregistered = (await secretary.get(`/api/evaluations/unregistered?year=${year}&pageSize=200`)).json();
    expect(unregistered.items.map((m: { id: number }) => m.id)).toEqual([evaluated[1]!.memberId]);
    expect(unregistered.items[0]).toMatchObject({ reason: 'deferred' });
    expect(unregistered.items[0].deferUntil > today).toBe(true);
    // Elsewhere in the county, branches that never opened the year.
    const countyWide = (await county.get(`/api/evaluations/unregistered?year=${year}&pageSize=50`)).json();
    expect(countyWide.items.some((m: { reason: string }) => m.reason === 'no_cycle')).toBe(true);
    const progress = (await county.get(`/api/evaluations/progress?year=${year}&orgId=${await orgIdByName(t, '共青团武侯区委')}`)).json();
    expect(progress.org).toMatchObject({ cycles: { approved: 1 }, registered: entries.length - 1, deferred: 1 });
    expect(progress.org.grades.unqualified).toBe(1);
    // A member sees their own result once approved.
    const own = (await t.db.selectFrom('app_user').select('member_id').where('username', '=', 'tuanyuan_demo').executeTakeFirstOrThrow()).member_id;
    const mine = (await (await t.login('tuanyuan_demo')).get('/api/me/evaluations')).json().items;
    const expected = rows.find((r) => r.memberId === own);
    if (expected) expect(mine[0]).toMatchObject({ year, status: 'approved', grade: expected.grade, registration: expected.registration });
    else expect(mine[0]).toMatchObject({ year, status: 'approved', exempt: true, grade: null });
  });

  it('keeps another county\'s cycles out of reach', async () => {
    const other = await accountAt(t, 'pidu_eval', await orgIdByName(t, '共青团郫都区委'), 'committee_admin');
    for (const response of await Promise.all([
      other.get(`/api/evaluations/${cycleId}`),
      other.post(`/api/evaluations/${cycleId}/decision`, { decision: 'return', reason: '越权退回' }),
      other.request({ method: 'PUT', url: `/api/evaluations/${cycleId}/meeting`, payload: { meetingOn: today, attendees: 1 } }),
      other.post('/api/evaluations', { orgId: branchId, year: year + 1 }),
      other.get(`/api/evaluations/progress?year=${year}&orgId=${await orgIdByName(t, '共青团武侯区委')}`),
    ])) expect(response.statusCode).toBe(404);
    expect((await other.get(`/api/evaluations?year=${year}`)).json().items).toEqual([]);
    const registered = t.app.routeList.filter((r) => r.url.startsWith('/api/evaluations')).map((r) => `${r.method} ${r.url}`);
    expect(new Set(registered)).toEqual(new Set([
      'GET /api/evaluations/meta', 'GET /api/evaluations', 'POST /api/evaluations', 'GET /api/evaluations/:id', 'PUT /api/evaluations/:id/meeting',
      'PUT /api/evaluations/:id/entries', 'POST /api/evaluations/:id/submit', 'POST /api/evaluations/:id/decision', 'GET /api/evaluations/unregistered', 'GET /api/evaluations/progress',
    ]));
    expect(t.app.routeList.some((r) => r.url === '/api/me/evaluations')).toBe(true);
  });
});
