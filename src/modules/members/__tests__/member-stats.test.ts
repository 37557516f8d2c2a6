import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orgIdByName, type Client, type TestApp } from '../../../../test/helpers/test-app.ts';
import { makeResidentId } from '../resident-id.ts';
import { rebuildMemberStats } from '../stats/rebuild-member-stats.ts';

describe('member statistics', () => {
  let t: TestApp;
  let province: Client;
  let county: Client;

  /** The counters as a sorted list without zero rows, to compare maintained against recounted. */
  const counters = async () =>
    (await t.db.selectFrom('member_stat').selectAll().where('n', '!=', 0).execute())
      .map((r) => `${r.org_id}|${r.dimension}|${r.bucket}|${r.n}`)
      .sort();

  beforeAll(async () => {
    t = await createTestApp();
    province = await t.login('sheng_admin');
    county = await t.login('wuhou_admin');
  });
  afterAll(async () => t?.close());

  it('counts the province and each 市州 from the counters, matching the members', async () => {
    const stats = (await province.get('/api/members/stats')).json();
    const active = await t.db.selectFrom('member').select((eb) => eb.fn.countAll<number>().as('n')).where('is_active', '=', 1).executeTakeFirstOrThrow();
    expect(stats.org.name).toBe('共青团四川省委');
    expect(stats.org.active).toBe(Number(active.n));
    expect(stats.children).toHaveLength(21);
    expect(stats.children[0].name).toBe('共青团成都市委');
    const chengdu = stats.children[0];
    const chengduPath = (await t.db.selectFrom('organization').select('path').where('id', '=', chengdu.orgId).executeTakeFirstOrThrow()).path;
    const direct = await t.db.selectFrom('member').select((eb) => eb.fn.countAll<number>().as('n')).where('is_active', '=', 1).where('org_path', 'like', `${chengduPath}%`).executeTakeFirstOrThrow();
    expect(chengdu.active).toBe(Number(direct.n));
    expect(chengdu.bySex.male + chengdu.bySex.female).toBe(chengdu.active);
    expect(Object.values(chengdu.byAgeBand as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(chengdu.active);
    expect(Object.values(chengdu.byField as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(chengdu.active);
    expect(stats.children.find((c: { name: string }) => c.name === '共青团自贡市委').active).toBe(0);
  });

  it('keeps the counters equal to a full recount through creates, edits, status changes, moves and industry changes', async () => {
    const wuhou = await orgIdByName(t, '共青团武侯区委');
    const pidu = await orgIdByName(t, '共青团郫都区委');
    const branches = await t.db.selectFrom('organization').select(['id', 'parent_id']).where('type', '=', 'branch').where('kind', '=', 'normal').where('path', 'like', `%/${wuhou}/%`).orderBy('id').execute();
    const [a, b] = branches as [{ id: number; parent_id: number }, { id: number; parent_id: number }];
    const created = await county.post('/api/members', {
      orgId: a.id, name: '计数测试', idType: 'resident', idNumber: makeResidentId('510107', '2003-08-08', 321, 'male'),
      ethnicity: '07', politicalStatus: 'league_member', occupation: 'student', joinedLeagueOn: '2018-05', isCadre: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await county.patch(`/api/members/${id}`, { ethnicity: '01', isCadre: false })).statusCode).toBe(200);
    expect((await county.post(`/api/members/${id}/exit-requests`, { kind: 'withdrawn', reason: '本人书面申请' })).statusCode).toBe(200);
    expect((await county.post(`/api/members/${id}/exit-decision`, { decision: 'approve', reason: '同意' })).statusCode).toBe(200);
    expect((await county.post(`/api/members/${id}/restore`, { orgId: b.id, reason: '恢复团籍' })).statusCode).toBe(200);
    expect((await province.post(`/api/orgs/${b.parent_id}/move`, { newParentId: pidu })).statusCode).toBe(200);
    expect((await province.patch(`/api/orgs/${a.id}`, { industryCategory: 'rural' })).statusCode).toBe(200);

    const maintained = await counters();
    await rebuildMemberStats(t.db);
    expect(maintained).toEqual(await counters());
  });

  it('lists hollow branches and branches without a cadre in the caller\'s subtree', async () => {
    const wuhou = await orgIdByName(t, '共青团武侯区委');
    const empty = (await county.post('/api/orgs', { parentId: wuhou, name: '新成立团支部', type: 'branch', kind: 'normal', industryCategory: 'other' })).json();
    const hollow = (await county.get('/api/members/stats/weak-branches?kind=hollow&pageSize=100')).json();
    expect(hollow.threshold).toBe(3);
    expect(hollow.items.find((i: { orgId: number }) => i.orgId === empty.id)).toMatchObject({ name: '新成立团支部', count: 0 });
    for (const item of hollow.items) expect(item.count).toBeLessThan(3);
    const noCadre = (await county.get('/api/members/stats/weak-branches?kind=no_cadre&pageSize=100')).json();
    for (const item of noCadre.items) expect(item.count).toBe(0);
    expect(noCadre.items.map((i: { orgId: number }) => i.orgId)).toContain(empty.id);
    // Branch names repeat, so each row names the parents between the chosen organization and the branch, top first.
    expect(hollow.items.find((i: { orgId: number }) => i.orgId === empty.id).parentNames).toEqual([]);
    const grade = await orgIdByName(t, '高二年级团总支');
    const nested = (await county.post('/api/orgs', { parentId: grade, name: '高二（9）班团支部', type: 'branch', kind: 'normal', industryCategory: 'other' })).json();
    const whereIs = async (client: Client, orgId?: number) => {
      const page = (await client.get(`/api/members/stats/weak-branches?kind=hollow&pageSize=200${orgId ? `&orgId=${orgId}` : ''}`)).json();
      return page.items.find((i: { orgId: number }) => i.orgId === nested.id).parentNames;
    };
    expect(await whereIs(county)).toEqual(['武侯区第七中学团委', '高二年级团总支']);
    expect(await whereIs(province, await orgIdByName(t, '共青团成都市委'))).toEqual(['共青团武侯区委', '武侯区第七中学团委', '高二年级团总支']);
    expect(await whereIs(county, grade)).toEqual([]);
    // a branch with members and a secretary is on neither list
    const busy = await t.db.selectFrom('member').select('org_id').where('is_cadre', '=', 1).where('org_path', 'like', `%/${wuhou}/%`).executeTakeFirstOrThrow();
    expect(hollow.items.map((i: { orgId: number }) => i.orgId)).not.toContain(busy.org_id);
    expect(noCadre.items.map((i: { orgId: number }) => i.orgId)).not.toContain(busy.org_id);
  });

  it('keeps statistics inside the scope', async () => {
    const pidu = await orgIdByName(t, '共青团郫都区委');
    expect((await county.get(`/api/members/stats?orgId=${pidu}`)).statusCode).toBe(404);
    expect((await county.get(`/api/members/stats/weak-branches?kind=hollow&orgId=${pidu}`)).statusCode).toBe(404);
    const own = (await county.get('/api/members/stats')).json();
    expect(own.org.name).toBe('共青团武侯区委');
  });
});
