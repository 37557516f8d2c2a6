import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../platform/audit/audit-log.ts';
import { createTestApp, orgIdByName, type Client, type TestApp } from '../../../../test/helpers/test-app.ts';

describe('organization tree', () => {
  let t: TestApp;
  let admin: Client;
  let wuhou: number;
  let pidu: number;

  const row = (id: number) => t.db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('sheng_admin');
    wuhou = await orgIdByName(t, '共青团武侯区委');
    pidu = await orgIdByName(t, '共青团郫都区委');
  });
  afterAll(async () => t?.close());

  it('holds the real Sichuan frame: 1 province, 21 prefectures, 183 counties with GB/T 2260 codes', async () => {
    const leading = await t.db.selectFrom('organization').select(['depth', 'region_code', 'name']).where('type', '=', 'leading_body').execute();
    expect(leading.filter((o) => o.depth === 0)).toEqual([{ depth: 0, region_code: '510000', name: '共青团四川省委' }]);
    expect(leading.filter((o) => o.depth === 1)).toHaveLength(21);
    expect(leading.filter((o) => o.depth === 2)).toHaveLength(183);
    expect(leading).toContainEqual({ depth: 1, region_code: '513300', name: '共青团甘孜藏族自治州委' });
    expect(leading).toContainEqual({ depth: 2, region_code: '510107', name: '共青团武侯区委' });
    expect(leading.every((o) => /^51\d{4}$/.test(o.region_code ?? ''))).toBe(true);
  });

  it('creates a branch with its path, depth and the parent child count', async () => {
    const before = await row(wuhou);
    const response = await admin.post('/api/orgs', { parentId: wuhou, name: '新建测试团委', type: 'committee', kind: 'normal', industryCategory: 'private_enterprise' });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created.path).toBe(`${before.path}${created.id}/`);
    expect(created.depth).toBe(before.depth + 1);
    expect((await row(wuhou)).child_count).toBe(before.child_count + 1);
    const dup = await admin.post('/api/orgs', { parentId: wuhou, name: '新建测试团委', type: 'committee', kind: 'normal', industryCategory: 'other' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields[0].field).toBe('name');
  });

  it('moves a whole subtree in one step, rewriting every path and the child counts', async () => {
    const committee = (await admin.post('/api/orgs', { parentId: wuhou, name: '待迁移团委', type: 'committee', kind: 'normal', industryCategory: 'other' })).json();
    const general = (await admin.post('/api/orgs', { parentId: committee.id, name: '待迁移团总支', type: 'general_branch', kind: 'normal', industryCategory: 'other' })).json();
    const leaf = (await admin.post('/api/orgs', { parentId: general.id, name: '待迁移团支部', type: 'branch', kind: 'normal', industryCategory: 'other' })).json();
    const wuhouCount = (await row(wuhou)).child_count;
    const piduRow = await row(pidu);

    const moved = await admin.post(`/api/orgs/${committee.id}/move`, { newParentId: pidu });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ parentId: pidu, path: `${piduRow.path}${committee.id}/`, depth: piduRow.depth + 1 });
    expect(await row(general.id)).toMatchObject({ path: `${piduRow.path}${committee.id}/${general.id}/`, depth: piduRow.depth + 2 });
    expect(await row(leaf.id)).toMatchObject({ path: `${piduRow.path}${committee.id}/${general.id}/${leaf.id}/`, depth: piduRow.depth + 3 });
    expect((await row(wuhou)).child_count).toBe(wuhouCount - 1);
    expect((await row(pidu)).child_count).toBe(piduRow.child_count + 1);
    const stale = await t.db.selectFrom('organization').select('id').where('path', 'like', `%/${wuhou}/${committee.id}/%`).execute();
    expect(stale).toEqual([]);
  });

  it('deactivates leaves first, refuses children of inactive parents, and reactivates', async () => {
    const parent = (await admin.post('/api/orgs', { parentId: wuhou, name: '停用测试团委', type: 'committee', kind: 'normal', industryCategory: 'other' })).json();
    const child = (await admin.post('/api/orgs', { parentId: parent.id, name: '停用测试团支部', type: 'branch', kind: 'normal', industryCategory: 'other' })).json();
    expect((await admin.post(`/api/orgs/${parent.id}/deactivate`, { reason: '合并' })).json().error.code).toBe('ORG_HAS_ACTIVE_CHILDREN');
    expect((await admin.post(`/api/orgs/${child.id}/deactivate`, { reason: '合并' })).json()).toMatchObject({ status: 'inactive', deactivationReason: '合并' });
    expect((await admin.post(`/api/orgs/${parent.id}/deactivate`, { reason: '合并' })).json().status).toBe('inactive');
    const under = await admin.post('/api/orgs', { parentId: parent.id, name: '不该建成', type: 'branch', kind: 'normal', industryCategory: 'other' });
    expect(under.json().error.code).toBe('ORG_PARENT_INACTIVE');
    expect((await admin.post(`/api/orgs/${child.id}/reactivate`, {})).json().error.code).toBe('ORG_PARENT_INACTIVE');
    expect((await admin.post(`/api/orgs/${parent.id}/reactivate`, {})).json().status).toBe('active');
    expect((await admin.post(`/api/orgs/${child.id}/reactivate`, {})).json().status).toBe('active');
  });

  it('computes 换届 due dates and flags overdue terms', async () => {
    const org = (await admin.post('/api/orgs', {
      parentId: wuhou, name: '换届测试团支部', type: 'branch', kind: 'normal', industryCategory: 'other', lastElectionOn: '2020-02-29', termYears: 2,
    })).json();
    expect(org).toMatchObject({ nextElectionDue: '2022-02-28', electionOverdue: true });
    const renewed = (await admin.patch(`/api/orgs/${org.id}`, { lastElectionOn: new Date().toISOString().slice(0, 10) })).json();
    expect(renewed.electionOverdue).toBe(false);
  });

  it('searches by name fragment and pinyin initials, escaping LIKE wildcards', async () => {
    expect((await admin.get(`/api/orgs?q=${encodeURIComponent('武侯')}`)).json().total).toBe(4);
    const byInitials = (await admin.get('/api/orgs?q=cds')).json();
    expect(byInitials.items.map((o: { name: string }) => o.name)).toContain('共青团成都市委');
    expect((await admin.get(`/api/orgs?q=${encodeURIComponent('%')}`)).json().total).toBe(0);
    expect((await admin.get(`/api/orgs?q=${encodeURIComponent('_')}`)).json().total).toBe(0);
  });

  it('recorded every change in an intact audit chain', async () => {
    const verdict = await verifyAuditChain(t.db, t.auditKey);
    expect(verdict.ok).toBe(true);
    const actions = (await t.db.selectFrom('audit_log').select('action').execute()).map((r) => r.action);
    for (const action of ['org.create', 'org.move', 'org.deactivate', 'org.reactivate', 'org.update']) expect(actions).toContain(action);
  });
});
