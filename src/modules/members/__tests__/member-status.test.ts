import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../platform/audit/audit-log.ts';
import { todayInChina, yearsBefore } from '../../../platform/time/china-date.ts';
import { createPost, createUser } from '../../accounts/users.service.ts';
import { createTestApp, DEMO_PASSWORD, type Client, type TestApp } from '../../../../test/helpers/test-app.ts';
import { makeResidentId } from '../resident-id.ts';
import { EXIT_KINDS } from '../status-machine.ts';

describe('团籍 status changes', () => {
  let t: TestApp;
  let county: Client;
  let secretary: Client;
  let branchId: number;
  let otherBranchId: number;

  const member = (id: number) => t.db.selectFrom('member').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  let serial = 0;
  async function newMember(birthDate = '2004-06-01', extra: Record<string, unknown> = {}): Promise<number> {
    serial++;
    const response = await county.post('/api/members', {
      orgId: branchId, name: `变动测试${'甲乙丙丁戊己庚辛壬癸'[serial % 10]}`, idType: 'resident',
      idNumber: makeResidentId('510107', birthDate, 100 + serial, serial % 2 ? 'male' : 'female'),
      ethnicity: '01', politicalStatus: 'league_member', occupation: 'freelancer', joinedLeagueOn: `${Number(birthDate.slice(0, 4)) + 15}-05`, ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  }
  const request = (c: Client, id: number, kind: string) => c.post(`/api/members/${id}/exit-requests`, { kind, reason: '支部大会讨论决定' });
  const decide = (c: Client, id: number, decision: string) => c.post(`/api/members/${id}/exit-decision`, { decision, reason: '经团委研究' });

  beforeAll(async () => {
    t = await createTestApp();
    county = await t.login('wuhou_admin');
    secretary = await t.login('zhishu_demo');
    branchId = (await secretary.get('/api/auth/me')).json().posts[0].orgId;
    const wuhou = await t.db.selectFrom('organization').select('path').where('name', '=', '共青团武侯区委').executeTakeFirstOrThrow();
    otherBranchId = (await t.db.selectFrom('organization').select('id').where('type', '=', 'branch').where('kind', '=', 'normal').where('id', '!=', branchId).where('path', 'like', `${wuhou.path}%`).executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t?.close());

  it('takes every exit through a pending state that the parent organization approves', async () => {
    for (const kind of EXIT_KINDS) {
      const birth = kind === 'aged_out' ? yearsBefore(todayInChina(), 29) : '2004-06-01';
      const id = await newMember(birth);
      const requested = await request(secretary, id, kind);
      expect(requested.statusCode, `${kind}: ${requested.body}`).toBe(200);
      expect(requested.json().status).toBe(`${kind}_pending`);
      expect((await member(id)).is_active).toBe(1);
      const approved = await decide(county, id, 'approve');
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json().status).toBe(kind);
      expect((await member(id)).is_active).toBe(0);
      const history = (await county.get(`/api/members/${id}/status-history`)).json().items;
      expect(history.map((h: { kind: string }) => h.kind)).toEqual(['approve', 'request']);
      expect(history[1]).toMatchObject({ fromStatus: 'normal', toStatus: `${kind}_pending`, actorUsername: 'zhishu_demo', reason: '支部大会讨论决定' });
    }
  });

  it('returns a rejected request to normal', async () => {
    const id = await newMember();
    await request(secretary, id, 'withdrawn');
    const rejected = await decide(county, id, 'reject');
    expect(rejected.json().status).toBe('normal');
  });

  it('refuses illegal transitions and says why', async () => {
    const young = await newMember('2004-06-01');
    const underAge = await request(secretary, young, 'aged_out');
    expect(underAge.statusCode).toBe(409);
    expect(underAge.json().error).toMatchObject({ code: 'MEMBER_STATUS_REFUSED', reason: 'under_age' });
    expect(underAge.json().error.message).toContain('未满28周岁');

    const cadre = await newMember(yearsBefore(todayInChina(), 30), { leaguePost: 'secretary', isCadre: true });
    expect((await request(secretary, cadre, 'aged_out')).json().error.reason).toBe('holds_post');

    expect((await decide(county, young, 'approve')).json().error.reason).toBe('nothing_pending');
    await request(secretary, young, 'lapsed');
    expect((await request(secretary, young, 'withdrawn')).json().error.reason).toBe('not_normal');
    expect((await county.post(`/api/members/${young}/restore`, { orgId: branchId, reason: '恢复' })).json().error.reason).toBe('still_member');
    expect((await t.db.selectFrom('member').select('status').where('id', '=', young).executeTakeFirstOrThrow()).status).toBe('lapsed_pending');
  });

  it('lets only an organization above the branch decide', async () => {
    const id = await newMember();
    await request(secretary, id, 'expelled');
    const own = await decide(secretary, id, 'approve');
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('FORBIDDEN');
    const deps = { db: t.db, auditKey: t.auditKey, actor: systemActor };
    const user = await createUser(deps, { username: 'branch_level_admin', displayName: '支部级管理员', password: DEMO_PASSWORD, mustChange: false });
    await createPost(deps, { userId: user.id, orgId: branchId, roleCode: 'committee_admin', scope: 'self_org' });
    const sameLevel = await decide(await t.login('branch_level_admin'), id, 'approve');
    expect(sameLevel.statusCode).toBe(403);
    expect(sameLevel.json().error.code).toBe('NOT_APPROVER');
    expect((await member(id)).status).toBe('expelled_pending');
  });

  it('lets exactly one of two racing approvals through', async () => {
    const id = await newMember();
    await request(secretary, id, 'withdrawn');
    const other = await t.login('wuhou_admin');
    const results = await Promise.all([decide(county, id, 'approve'), decide(other, id, 'reject')]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes[0]).toBe(200);
    expect(codes[1]).toBe(409);
    const history = await t.db.selectFrom('member_status_change').select('kind').where('member_id', '=', id).execute();
    expect(history).toHaveLength(2);
  });

  it('restores a member who left into a chosen branch, but not over the age limit', async () => {
    const id = await newMember();
    await request(secretary, id, 'lapsed');
    await decide(county, id, 'approve');
    const restored = await county.post(`/api/members/${id}/restore`, { orgId: otherBranchId, reason: '本人申请恢复，经支部大会通过' });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({ status: 'normal', orgId: otherBranchId });
    expect((await member(id)).is_active).toBe(1);

    const old = await newMember(yearsBefore(todayInChina(), 29));
    await request(secretary, old, 'aged_out');
    await decide(county, old, 'approve');
    expect((await county.post(`/api/members/${old}/restore`, { orgId: branchId, reason: '恢复' })).json().error.reason).toBe('over_age');
  });

  it('lists the age-out worklist and the pending approvals of the level above', async () => {
    const old = await newMember(yearsBefore(todayInChina(), 28));
    const ageOut = (await county.get('/api/members?worklist=age_out&pageSize=200')).json();
    expect(ageOut.items.map((m: { id: number }) => m.id)).toContain(old);
    for (const m of ageOut.items) expect(m.age).toBeGreaterThanOrEqual(28);
    await request(secretary, old, 'aged_out');
    const pending = (await county.get('/api/members?worklist=pending_approval&pageSize=200')).json();
    expect(pending.items.map((m: { id: number }) => m.id)).toContain(old);
    // the branch itself has nothing to approve: it is not above its own members
    expect((await secretary.get('/api/members?worklist=pending_approval')).json().total).toBe(0);
  });
});
