import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, SEPARATED_DUTIES, type Permission } from '../../permissions.ts';
import { createTestApp, type Client, type TestApp } from '../../../../../test/helpers/test-app.ts';

const dutiesOf = (permissions: readonly Permission[]) =>
  Object.entries(SEPARATED_DUTIES).filter(([, held]) => held.some((p) => permissions.includes(p))).map(([duty]) => duty);

/**
 * 三员分立 (DOMAIN §12 DB-06): the system administrator (accounts), the security administrator
 * (posts and sessions) and the auditor (the audit log) cannot do each other's work, and no
 * business role does any of it.
 */
describe('三员 separation of duties', () => {
  let t: TestApp;
  let system: Client;
  let security: Client;
  let auditor: Client;
  let targetId: number;
  let postId: number;

  beforeAll(async () => {
    t = await createTestApp();
    system = await t.login('xitong_admin');
    security = await t.login('anquan_admin');
    auditor = await t.login('shenji_admin');
    const target = await t.db.selectFrom('app_user').select('id').where('username', '=', 'wuhou_admin').executeTakeFirstOrThrow();
    targetId = target.id;
    postId = (await t.db.selectFrom('post').select('id').where('user_id', '=', targetId).executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t?.close());

  it('gives no built-in role two of account administration, post administration and audit reading', () => {
    for (const role of BUILT_IN_ROLES) expect(dutiesOf(role.permissions).length, role.code).toBeLessThanOrEqual(1);
    const holder = (duty: string) => BUILT_IN_ROLES.filter((r) => dutiesOf(r.permissions).includes(duty)).map((r) => r.code);
    expect(holder('accounts')).toEqual(['system_admin']);
    expect(holder('posts')).toEqual(['security_admin']);
    expect(holder('audit')).toEqual(['auditor']);
  });

  it('keeps the system administrator out of the audit log and away from posts and sessions', async () => {
    expect((await system.get('/api/audit')).statusCode).toBe(403);
    expect((await system.post(`/api/accounts/${targetId}/posts`, { orgId: 1, roleCode: 'auditor' })).statusCode).toBe(403);
    expect((await system.post(`/api/accounts/posts/${postId}/revoke`, { reason: '越权免职' })).statusCode).toBe(403);
    expect((await system.post(`/api/accounts/${targetId}/end-sessions`, { reason: '越权结束' })).statusCode).toBe(403);
    // its own work is open to it
    expect((await system.get('/api/accounts')).statusCode).toBe(200);
  });

  it('lets the auditor change neither accounts nor posts', async () => {
    expect((await auditor.get('/api/audit')).statusCode).toBe(200);
    const before = await t.db.selectFrom('app_user').select(['id', 'status']).orderBy('id').execute();
    expect((await auditor.post('/api/accounts', { username: 'shenji_new', displayName: '审计新建', orgId: 1 })).statusCode).toBe(403);
    expect((await auditor.post(`/api/accounts/${targetId}/disable`, { reason: '越权停用' })).statusCode).toBe(403);
    expect((await auditor.post(`/api/accounts/${targetId}/reset-link`, {})).statusCode).toBe(403);
    expect((await auditor.post(`/api/accounts/${targetId}/posts`, { orgId: 1, roleCode: 'province_admin' })).statusCode).toBe(403);
    expect((await auditor.post(`/api/accounts/posts/${postId}/revoke`, { reason: '越权免职' })).statusCode).toBe(403);
    expect((await auditor.get('/api/accounts')).statusCode).toBe(403);
    expect(await t.db.selectFrom('app_user').select(['id', 'status']).orderBy('id').execute()).toEqual(before);
  });

  it('lets the security administrator neither export member data nor create accounts', async () => {
    const exports = t.app.routeList.filter((r) => Array.isArray(r.access) && r.access.some((p: string) => p.startsWith('member.export')));
    expect(exports.length).toBeGreaterThan(0);
    for (const route of exports) {
      const url = route.url.replace(/:[a-zA-Z]+/g, '1');
      const response = await security.request({ method: route.method as 'GET', url, ...(route.method === 'GET' ? {} : { payload: {} }) });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
    expect((await security.get('/api/members')).statusCode).toBe(403);
    expect((await security.post('/api/accounts', { username: 'anquan_new', displayName: '安全新建', orgId: 1 })).statusCode).toBe(403);
    expect((await security.post(`/api/accounts/${targetId}/disable`, { reason: '越权停用' })).statusCode).toBe(403);
    expect((await security.post(`/api/accounts/${targetId}/reset-link`, {})).statusCode).toBe(403);
    expect((await security.get('/api/audit')).statusCode).toBe(403);
    expect(await t.db.selectFrom('app_user').select('id').where('username', 'in', ['anquan_new', 'shenji_new']).execute()).toEqual([]);
  });

  it('leaves business administrators without accounts, rules or the audit log', async () => {
    for (const username of ['sheng_admin', 'chengdu_admin']) {
      const client = await t.login(username);
      expect((await client.get('/api/audit')).statusCode, username).toBe(403);
      expect((await client.get('/api/accounts')).statusCode, username).toBe(403);
      expect((await client.request({ method: 'PUT', url: '/api/rules/membership.maxAge', payload: { value: 29, source: '越权', effectiveFrom: '2026-01-01', reason: '越权调整' } })).statusCode, username).toBe(403);
    }
  });

  it('refuses to give one person a second 三员 duty', async () => {
    const systemUser = await t.db.selectFrom('app_user').select('id').where('username', '=', 'xitong_admin').executeTakeFirstOrThrow();
    const province = await t.db.selectFrom('organization').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const response = await security.post(`/api/accounts/${systemUser.id}/posts`, { orgId: province.id, roleCode: 'auditor' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('ACCOUNT_REFUSED');
    expect(response.json().error.message).toContain('三员');
  });
});
