import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '../src/modules/members/resident-id.ts';
import { createTestApp, orgIdByName, type Client, type TestApp } from './helpers/test-app.ts';

/**
 * The scope matrix of every member endpoint: a 武侯区 post meets 郫都区's members and branches.
 * The import endpoints check the branch of every row and the job owner; their own tests cover that.
 */
const MEMBER_ENDPOINTS = [
  'GET /api/members', 'GET /api/members/:id', 'POST /api/members', 'PATCH /api/members/:id', 'POST /api/members/:id/reveal',
  'GET /api/members/export.xlsx', 'POST /api/members/:id/exit-requests', 'POST /api/members/:id/exit-decision',
  'POST /api/members/:id/restore', 'GET /api/members/:id/status-history', 'GET /api/members/stats', 'GET /api/members/stats/weak-branches',
  'GET /api/members/import-template.xlsx', 'POST /api/members/imports', 'GET /api/members/imports/:jobId', 'GET /api/members/imports/:jobId/errors.xlsx',
  'GET /api/me/member', 'POST /api/members/full-exports', 'GET /api/members/full-exports/:id/download',
];

describe('member data scope', () => {
  let t: TestApp;
  let county: Client;
  let province: Client;
  let foreign: { id: number; orgId: number };
  let ownBranch: number;

  const snapshot = async () => ({
    members: await t.db.selectFrom('member').select(['id', 'org_id', 'status', 'name', 'updated_at']).orderBy('id').execute(),
    changes: (await t.db.selectFrom('member_status_change').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  });

  beforeAll(async () => {
    t = await createTestApp();
    county = await t.login('wuhou_admin');
    province = await t.login('sheng_admin');
    const pidu = await t.db.selectFrom('organization').select('path').where('id', '=', await orgIdByName(t, '共青团郫都区委')).executeTakeFirstOrThrow();
    const row = await t.db.selectFrom('member').select(['id', 'org_id']).where('org_path', 'like', `${pidu.path}%`).orderBy('id').executeTakeFirstOrThrow();
    foreign = { id: row.id, orgId: row.org_id };
    const wuhou = await t.db.selectFrom('organization').select('path').where('id', '=', await orgIdByName(t, '共青团武侯区委')).executeTakeFirstOrThrow();
    ownBranch = (await t.db.selectFrom('organization').select('id').where('type', '=', 'branch').where('path', 'like', `${wuhou.path}%`).orderBy('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t?.close());

  it('lists every member endpoint in this matrix', () => {
    const registered = t.app.routeList.filter((r) => r.url.startsWith('/api/members') || r.url === '/api/me/member').map((r) => `${r.method} ${r.url}`);
    expect(new Set(registered)).toEqual(new Set(MEMBER_ENDPOINTS));
  });

  it('answers 404 for every read and write of another county\'s member, changing nothing', async () => {
    const before = await snapshot();
    const attempts = [
      county.get(`/api/members/${foreign.id}`),
      county.get(`/api/members?orgId=${foreign.orgId}`),
      county.get(`/api/members/export.xlsx?orgId=${foreign.orgId}`),
      county.patch(`/api/members/${foreign.id}`, { name: '越权改名' }),
      county.post(`/api/members/${foreign.id}/reveal`, { reason: '越权查看' }),
      county.post(`/api/members/${foreign.id}/exit-requests`, { kind: 'withdrawn', reason: '越权发起' }),
      county.post(`/api/members/${foreign.id}/exit-decision`, { decision: 'approve', reason: '越权审批' }),
      county.post(`/api/members/${foreign.id}/restore`, { orgId: ownBranch, reason: '越权恢复' }),
      county.get(`/api/members/${foreign.id}/status-history`),
      county.get(`/api/members/stats?orgId=${foreign.orgId}`),
      county.get(`/api/members/stats/weak-branches?kind=hollow&orgId=${foreign.orgId}`),
      county.post('/api/members/full-exports', { reason: '越权完整导出', orgId: foreign.orgId }),
      county.get('/api/members/full-exports/999999/download'),
      county.post('/api/members', {
        orgId: foreign.orgId, name: '越权新增', idType: 'resident', idNumber: makeResidentId('510117', '2003-03-03', 11, 'male'),
        ethnicity: '01', politicalStatus: 'league_member', occupation: 'student', joinedLeagueOn: '2018-05',
      }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.statusCode, response.body).toBe(404);
    expect(await snapshot()).toEqual(before);
    // the same requests work for the province, so the 404s are about scope
    expect((await province.get(`/api/members/${foreign.id}`)).statusCode).toBe(200);
    expect((await province.get(`/api/members/${foreign.id}/status-history`)).statusCode).toBe(200);
  });

  it('cannot pull another county\'s member into its own branch by restoring', async () => {
    expect((await province.post(`/api/members/${foreign.id}/exit-requests`, { kind: 'lapsed', reason: '连续六个月未交团费' })).statusCode).toBe(200);
    expect((await province.post(`/api/members/${foreign.id}/exit-decision`, { decision: 'approve', reason: '同意' })).statusCode).toBe(200);
    expect((await county.post(`/api/members/${foreign.id}/restore`, { orgId: ownBranch, reason: '越权恢复' })).statusCode).toBe(404);
    expect((await t.db.selectFrom('member').select('org_id').where('id', '=', foreign.id).executeTakeFirstOrThrow()).org_id).toBe(foreign.orgId);
  });

  it('counts only its own subtree in statistics, lists and exports', async () => {
    const own = (await county.get('/api/members?pageSize=1')).json().total;
    const stats = (await county.get('/api/members/stats')).json();
    expect(stats.org.active).toBeLessThanOrEqual(own);
    const all = (await province.get('/api/members?pageSize=1')).json().total;
    expect(own).toBeLessThan(all);
  });
});
