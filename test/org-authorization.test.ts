import ExcelJS from '../src/platform/excel/exceljs.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/platform/audit/audit-log.ts';
import { createPost, createUser } from '../src/modules/accounts/users.service.ts';
import { accountAt } from './helpers/test-accounts.ts';
import { createTestApp, DEMO_PASSWORD, orgIdByName, type Client, type TestApp } from './helpers/test-app.ts';

/** Every organization endpoint; the meta test below fails when a new one is not listed here. */
const ORG_ENDPOINTS = [
  'GET /api/orgs', 'GET /api/orgs/tree', 'GET /api/orgs/export.xlsx', 'GET /api/orgs/:id', 'POST /api/orgs',
  'PATCH /api/orgs/:id', 'POST /api/orgs/:id/move', 'POST /api/orgs/:id/deactivate', 'POST /api/orgs/:id/reactivate', 'GET /api/audit',
];

describe('organization data scope', () => {
  let t: TestApp;
  let county: Client; // 武侯区 (A)
  let province: Client;
  let a: number; // 共青团武侯区委
  let aChild: number;
  let b: number; // 共青团郫都区委
  let bChild: number;
  let bChildName: string;

  const snapshot = async () => t.db.selectFrom('organization').select(['id', 'parent_id', 'path', 'name', 'status', 'updated_at', 'child_count']).orderBy('id').execute();

  beforeAll(async () => {
    t = await createTestApp();
    county = await t.login('wuhou_admin');
    province = await t.login('sheng_admin');
    a = await orgIdByName(t, '共青团武侯区委');
    b = await orgIdByName(t, '共青团郫都区委');
    const aRow = await t.db.selectFrom('organization').select('id').where('parent_id', '=', a).where('type', '=', 'working_committee').executeTakeFirstOrThrow();
    aChild = aRow.id;
    const bRow = await t.db.selectFrom('organization').select(['id', 'name']).where('parent_id', '=', b).where('type', '=', 'working_committee').executeTakeFirstOrThrow();
    bChild = bRow.id;
    bChildName = bRow.name;
  });
  afterAll(async () => t?.close());

  it('lists every organization endpoint in this matrix', () => {
    const registered = t.app.routeList
      .filter((r) => r.url.startsWith('/api/orgs') || r.url.startsWith('/api/audit'))
      .map((r) => `${r.method} ${r.url}`);
    expect(new Set(registered)).toEqual(new Set(ORG_ENDPOINTS));
  });

  it('answers 404 for the other county on get, list and tree', async () => {
    for (const id of [b, bChild]) {
      expect((await county.get(`/api/orgs/${id}`)).statusCode).toBe(404);
      expect((await county.get(`/api/orgs?parentId=${id}`)).statusCode).toBe(404);
      expect((await county.get(`/api/orgs/tree?parentId=${id}`)).statusCode).toBe(404);
    }
    // the same requests succeed for the province, so the 404s above are about scope
    expect((await province.get(`/api/orgs/${bChild}`)).statusCode).toBe(200);
    expect((await county.get(`/api/orgs/${aChild}`)).statusCode).toBe(200);
  });

  it('shows only its own subtree as tree roots and subtree listing', async () => {
    const roots = (await county.get('/api/orgs/tree')).json().nodes;
    expect(roots.map((n: { id: number }) => n.id)).toEqual([a]);
    const all = (await county.get(`/api/orgs?parentId=${a}&depth=subtree&pageSize=200`)).json();
    expect(all.total).toBeGreaterThan(10);
    const aPath = (await county.get(`/api/orgs/${a}`)).json().path as string;
    for (const org of all.items) expect(org.path.startsWith(aPath)).toBe(true);
  });

  it('cannot find the other county by name or pinyin initials', async () => {
    const provinceHits = (await province.get(`/api/orgs?q=${encodeURIComponent('郫都')}`)).json();
    expect(provinceHits.total).toBeGreaterThan(0);
    expect((await province.get('/api/orgs?q=pdq')).json().total).toBeGreaterThan(0);
    for (const q of ['郫都', 'pdq', bChildName]) {
      const response = await county.get(`/api/orgs?q=${encodeURIComponent(q)}`);
      expect(response.statusCode).toBe(200);
      expect(response.json().total).toBe(0);
    }
    // its own organizations are found the same way
    expect((await county.get(`/api/orgs?q=whq`)).json().total).toBeGreaterThan(0);
  });

  it('cannot create, update, deactivate or reactivate in the other county, and nothing changes', async () => {
    const before = await snapshot();
    const create = await county.post('/api/orgs', { parentId: b, name: '越权团支部', type: 'branch', kind: 'normal', industryCategory: 'other' });
    expect(create.statusCode).toBe(404);
    expect((await county.patch(`/api/orgs/${bChild}`, { name: '改名' })).statusCode).toBe(404);
    expect((await county.post(`/api/orgs/${bChild}/deactivate`, { reason: '越权停用' })).statusCode).toBe(404);
    expect((await county.post(`/api/orgs/${bChild}/reactivate`, {})).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('cannot move its node under the other county, nor pick a parent there, nor pull a node in', async () => {
    const before = await snapshot();
    expect((await county.post(`/api/orgs/${aChild}/move`, { newParentId: b })).statusCode).toBe(404);
    expect((await county.post(`/api/orgs/${aChild}/move`, { newParentId: bChild })).statusCode).toBe(404);
    expect((await county.post(`/api/orgs/${bChild}/move`, { newParentId: a })).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('cannot export the other county, and its own export holds only its subtree', async () => {
    expect((await county.get(`/api/orgs/export.xlsx?parentId=${b}`)).statusCode).toBe(404);
    const response = await county.get('/api/orgs/export.xlsx?depth=subtree');
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const names = workbook.worksheets[0]!.getColumn(2).values.slice(2).map(String);
    expect(names.length).toBeGreaterThan(10);
    expect(names).toContain('共青团武侯区委');
    expect(names.some((n) => n.includes('郫都'))).toBe(false);
  });

  it('sees audit entries of its own subtree only', async () => {
    const renamed = await province.patch(`/api/orgs/${bChild}`, { shortName: '郫都简称' });
    expect(renamed.statusCode).toBe(200);
    const own = await county.patch(`/api/orgs/${aChild}`, { shortName: '武侯简称' });
    expect(own.statusCode).toBe(200);
    // The audit log is read by auditors only (三员, DOMAIN §12 DB-06): one at 武侯区 with its subtree, one for the province.
    const countyAuditor = await accountAt(t, 'wuhou_shenji', a, 'auditor', 'subtree');
    expect((await county.get('/api/audit')).statusCode).toBe(403);
    const entries = (await countyAuditor.get('/api/audit?pageSize=200')).json().items as { targetId: string; action: string }[];
    expect(entries.some((e) => e.targetId === String(aChild) && e.action === 'org.update')).toBe(true);
    expect(entries.some((e) => e.targetId === String(bChild))).toBe(false);
    const all = (await (await t.login('shenji_admin')).get('/api/audit?pageSize=200')).json().items as { targetId: string }[];
    expect(all.some((e) => e.targetId === String(bChild))).toBe(true);
  });

  it('a 本级 post sees its organization but none of its children', async () => {
    const deps = { db: t.db, auditKey: t.auditKey, actor: systemActor };
    const user = await createUser(deps, { username: 'wuhou_benji', displayName: '本级', password: DEMO_PASSWORD, mustChange: false });
    await createPost(deps, { userId: user.id, orgId: a, roleCode: 'committee_admin', scope: 'self_org' });
    const own = await t.login('wuhou_benji');
    expect((await own.get(`/api/orgs/${a}`)).statusCode).toBe(200);
    expect((await own.get(`/api/orgs/${aChild}`)).statusCode).toBe(404);
    expect((await own.patch(`/api/orgs/${aChild}`, { shortName: 'x' })).statusCode).toBe(404);
    expect((await own.post(`/api/orgs/${aChild}/deactivate`, { reason: '测试停用' })).statusCode).toBe(404);
    expect((await own.get(`/api/orgs?parentId=${a}`)).json().total).toBe(0);
    expect((await own.get('/api/orgs/tree')).json().nodes).toEqual([expect.objectContaining({ id: a, childCount: 0 })]);
  });

  it('a post of a deactivated organization cannot act', async () => {
    const secretary = await t.login('zhishu_demo');
    const me = (await secretary.get('/api/auth/me')).json();
    const branchId = me.posts[0].orgId as number;
    expect((await secretary.get(`/api/orgs/${branchId}`)).statusCode).toBe(200);
    expect((await province.post(`/api/orgs/${branchId}/deactivate`, { reason: '支部撤销' })).statusCode).toBe(200);
    const refused = await secretary.get(`/api/orgs/${branchId}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('AUTH_NO_ACTIVE_POST');
    const again = await t.login('zhishu_demo');
    expect((await again.get('/api/orgs/tree')).statusCode).toBe(403);
    expect((await again.get('/api/auth/me')).json().currentPostId).toBeNull();
  });
});
