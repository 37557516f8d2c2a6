import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orgIdByName, type Client, type TestApp } from './helpers/test-app.ts';
import { accountAt } from './helpers/test-accounts.ts';

/** The scope matrix of every transfer endpoint: a 郫都区 post meets a transfer between two 武侯区 branches. */
const TRANSFER_ENDPOINTS = [
  'GET /api/transfers/meta', 'GET /api/transfers', 'GET /api/transfers/destinations', 'GET /api/transfers/response-stats', 'GET /api/transfers/:id',
  'POST /api/transfers', 'POST /api/transfers/incoming', 'POST /api/transfers/:id/decision', 'POST /api/transfers/:id/appeal', 'POST /api/transfers/:id/withdraw',
  'GET /api/transfers/graduate-batches', 'POST /api/transfers/graduate-batches', 'GET /api/transfers/graduate-batches/:id/graduates',
  'POST /api/transfers/graduate-batches/:id/assignments', 'GET /api/transfers/graduate-rate',
  'GET /api/me/transfers', 'POST /api/me/transfers', 'POST /api/me/transfers/:id/appeal', 'POST /api/me/transfers/:id/withdraw',
];

describe('transfer data scope', () => {
  let t: TestApp;
  let wuhou: Client;
  let pidu: Client;
  let member: Client;
  let transferId: number;
  let foreignMemberId: number;
  let piduCounty: number;

  const snapshot = async () => ({
    transfers: await t.db.selectFrom('transfer').select(['id', 'status', 'stage_index', 'is_open']).orderBy('id').execute(),
    events: (await t.db.selectFrom('transfer_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  });

  beforeAll(async () => {
    t = await createTestApp();
    wuhou = await t.login('wuhou_admin');
    member = await t.login('tuanyuan_demo');
    piduCounty = await orgIdByName(t, '共青团郫都区委');
    pidu = await accountAt(t, 'pidu_admin', piduCounty, 'committee_admin');
    const wuhouPath = (await t.db.selectFrom('organization').select('path').where('id', '=', await orgIdByName(t, '共青团武侯区委')).executeTakeFirstOrThrow()).path;
    const branches = await t.db.selectFrom('organization').select('id').where('type', '=', 'branch').where('path', 'like', `${wuhouPath}%`).orderBy('id').limit(2).execute();
    const someone = await t.db.selectFrom('member').select('id').where('org_id', '=', branches[0]!.id).where('status', '=', 'normal').orderBy('id', 'desc').executeTakeFirstOrThrow();
    foreignMemberId = someone.id;
    const started = await wuhou.post('/api/transfers', { memberId: someone.id, scopeKind: 'within', reason: 'employment', toOrgId: branches[1]!.id });
    expect(started.statusCode, started.body).toBe(200);
    transferId = started.json().id;
  });
  afterAll(async () => t?.close());

  it('lists every transfer endpoint in this matrix', () => {
    const registered = t.app.routeList.filter((r) => r.url.startsWith('/api/transfers') || r.url.startsWith('/api/me/transfers')).map((r) => `${r.method} ${r.url}`);
    expect(new Set(registered)).toEqual(new Set(TRANSFER_ENDPOINTS));
  });

  it('answers 404 to another county for every read and write of the transfer, changing nothing', async () => {
    const before = await snapshot();
    const attempts = [
      pidu.get(`/api/transfers/${transferId}`),
      pidu.post(`/api/transfers/${transferId}/decision`, { action: 'approve' }),
      pidu.post(`/api/transfers/${transferId}/decision`, { action: 'return', reason: '越权退回' }),
      pidu.post(`/api/transfers/${transferId}/appeal`, { evidence: '越权申诉' }),
      pidu.post(`/api/transfers/${transferId}/withdraw`, { reason: '越权撤回' }),
      pidu.post('/api/transfers', { memberId: foreignMemberId, scopeKind: 'within', reason: 'employment', toOrgId: piduCounty }),
      member.post(`/api/me/transfers/${transferId}/withdraw`, { reason: '不是我的' }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.statusCode, response.body).toBe(404);
    const lists = await Promise.all(['todo', 'outgoing', 'incoming', 'all'].map((box) => pidu.get(`/api/transfers?box=${box}&pageSize=200`)));
    for (const list of lists) expect(list.json().items.map((x: { id: number }) => x.id)).not.toContain(transferId);
    expect((await pidu.get(`/api/transfers?orgId=${await orgIdByName(t, '共青团武侯区委')}`)).statusCode).toBe(404);
    expect((await pidu.get(`/api/transfers/response-stats?orgId=${await orgIdByName(t, '共青团武侯区委')}`)).statusCode).toBe(404);
    expect((await member.get('/api/me/transfers')).json().items.map((x: { id: number }) => x.id)).not.toContain(transferId);
    expect(await snapshot()).toEqual(before);
    // The county that owns both branches reaches it, so the 404s are about scope.
    expect((await wuhou.get(`/api/transfers/${transferId}`)).statusCode).toBe(200);
  });

  it('keeps another county\'s graduate batches and rates out of reach', async () => {
    const wuhouPath = (await t.db.selectFrom('organization').select('path').where('id', '=', await orgIdByName(t, '共青团武侯区委')).executeTakeFirstOrThrow()).path;
    const school = (await t.db.selectFrom('organization').select('parent_id').where('kind', '=', 'graduate').where('path', 'like', `${wuhouPath}%`).executeTakeFirstOrThrow()).parent_id!;
    const opened = await wuhou.post('/api/transfers/graduate-batches', { schoolOrgId: school, year: 2026 });
    expect(opened.statusCode, opened.body).toBe(200);
    const batchId = opened.json().id;
    const someone = (await wuhou.get(`/api/transfers/graduate-batches/${batchId}/graduates`)).json().items[0].memberId;
    const before = await snapshot();
    expect((await pidu.post('/api/transfers/graduate-batches', { schoolOrgId: school, year: 2027 })).statusCode).toBe(404);
    expect((await pidu.get(`/api/transfers/graduate-batches/${batchId}/graduates`)).statusCode).toBe(404);
    expect((await pidu.post(`/api/transfers/graduate-batches/${batchId}/assignments`, { assignments: [{ memberId: someone, destination: 'abroad' }] })).statusCode).toBe(404);
    expect((await pidu.get(`/api/transfers/graduate-rate?year=2026&orgId=${await orgIdByName(t, '共青团武侯区委')}`)).statusCode).toBe(404);
    expect((await pidu.get('/api/transfers/graduate-batches')).json().items).toEqual([]);
    expect((await pidu.get('/api/transfers/graduate-rate?year=2026')).json().org.graduates).toBe(0);
    expect(await snapshot()).toEqual(before);

    // A 本级 post at the school itself sees the school but not the class branches its graduates sit in.
    const schoolOnly = await accountAt(t, 'school_self_org', school, 'committee_admin', 'self_org');
    const refusedOpen = await schoolOnly.post('/api/transfers/graduate-batches', { schoolOrgId: school, year: 2027 });
    expect(refusedOpen.statusCode).toBe(409);
    expect(refusedOpen.json().error.reason).toBe('scope_not_subtree');
    expect((await schoolOnly.get(`/api/transfers/graduate-batches/${batchId}/graduates`)).statusCode).toBe(404);
    expect((await schoolOnly.post(`/api/transfers/graduate-batches/${batchId}/assignments`, { assignments: [{ memberId: someone, destination: 'abroad' }] })).statusCode).toBe(404);
    expect((await schoolOnly.get('/api/transfers/graduate-batches')).json().items).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps transfers away from posts without the permission', async () => {
    const auditor = await t.login('shenji_admin');
    expect((await auditor.get('/api/transfers')).statusCode).toBe(403);
    expect((await auditor.get(`/api/transfers/${transferId}`)).statusCode).toBe(403);
    expect((await member.get('/api/transfers')).statusCode).toBe(403);
  });
});
