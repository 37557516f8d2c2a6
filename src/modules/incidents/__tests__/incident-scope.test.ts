import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountAt } from '../../../../test/helpers/test-accounts.ts';
import { createTestApp, orgIdByName, type Client, type TestApp } from '../../../../test/helpers/test-app.ts';

/** An incident belongs to an organization: outside the caller's scope it does not exist (404); roles without the permission get 403. */
describe('personal-data incident register: scope and roles', () => {
  let t: TestApp;
  let chengduSecurity: Client;
  let mianyangSecurity: Client;
  let incidentId: number;
  let alertId: number;

  beforeAll(async () => {
    t = await createTestApp();
    chengduSecurity = await accountAt(t, 'chengdu_anquan', await orgIdByName(t, '共青团成都市委'), 'security_admin', 'subtree');
    mianyangSecurity = await accountAt(t, 'mianyang_anquan', await orgIdByName(t, '共青团绵阳市委'), 'security_admin', 'subtree');
    const wuhou = await t.db.selectFrom('organization').select(['id', 'path']).where('name', '=', '共青团武侯区委').executeTakeFirstOrThrow();
    alertId = (await t.db.insertInto('security_alert').values({
      kind: 'detail_view_rate', user_id: null, username: 'wuhou_admin', post_id: null, post_label: null, org_path: wuhou.path, count: 201, limit_value: 200,
      detail: null, at: new Date(Date.now() - 600_000).toISOString(), acknowledged_at: null, acknowledged_by: null,
    }).returning('id').executeTakeFirstOrThrow()).id;
    const opened = await chengduSecurity.post('/api/incidents', { title: '武侯区名册外泄', severity: 'ordinary', detectedAt: new Date(Date.now() - 600_000).toISOString(), orgId: wuhou.id });
    expect(opened.statusCode).toBe(201);
    incidentId = opened.json().id;
  });
  afterAll(async () => t?.close());

  it('answers 404 to another city\'s security administrator for every route, and changes nothing', async () => {
    const now = new Date().toISOString();
    const before = await t.db.selectFrom('incident').selectAll().where('id', '=', incidentId).executeTakeFirstOrThrow();
    const answers = await Promise.all([
      mianyangSecurity.get(`/api/incidents/${incidentId}`),
      mianyangSecurity.patch(`/api/incidents/${incidentId}`, { cause: '改' }),
      mianyangSecurity.post(`/api/incidents/${incidentId}/timeline`, { at: now, note: '记录' }),
      mianyangSecurity.post(`/api/incidents/${incidentId}/contain`, { at: now, note: '控制' }),
      mianyangSecurity.post(`/api/incidents/${incidentId}/notices`, { audience: 'regulator', at: now, note: '报告' }),
      mianyangSecurity.post(`/api/incidents/${incidentId}/close`, {}),
      mianyangSecurity.post(`/api/incidents/from-alert/${alertId}`, {}),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    expect((await mianyangSecurity.get('/api/incidents')).json()).toMatchObject({ items: [], total: 0, live: 0 });
    expect(await t.db.selectFrom('incident').selectAll().where('id', '=', incidentId).executeTakeFirstOrThrow()).toEqual(before);
    // Nor may it open an incident for an organization outside its city.
    const outside = await mianyangSecurity.post('/api/incidents', { title: '越权登记', severity: 'ordinary', detectedAt: now, orgId: before.org_id });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields[0].field).toBe('orgId');
  });

  it('shows the incident inside the scope, and opens one from an alert of the city', async () => {
    const list = (await chengduSecurity.get('/api/incidents?q=武侯')).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([incidentId]);
    expect((await chengduSecurity.get(`/api/incidents/${incidentId}`)).statusCode).toBe(200);
    const fromAlert = await chengduSecurity.post(`/api/incidents/from-alert/${alertId}`, {});
    expect(fromAlert.statusCode).toBe(201);
    expect(fromAlert.json().orgName).toBe('共青团武侯区委');
    // An own-org (本级) incident of the city is the city's own; the county's is not in a 本级 scope.
    const mine = (await mianyangSecurity.post('/api/incidents', { title: '绵阳事件', severity: 'ordinary', detectedAt: new Date().toISOString() })).json();
    expect(mine.orgName).toBe('共青团绵阳市委');
  });

  it('lets the auditor and the province read, and no one else; only the security administrator writes', async () => {
    for (const username of ['shenji_admin', 'sheng_admin']) {
      const reader = await t.login(username);
      expect((await reader.get(`/api/incidents/${incidentId}`)).statusCode, username).toBe(200);
      expect((await reader.patch(`/api/incidents/${incidentId}`, { cause: '改' })).statusCode, username).toBe(403);
      expect((await reader.post(`/api/incidents/${incidentId}/close`, {})).statusCode, username).toBe(403);
    }
    for (const username of ['chengdu_admin', 'zhishu_demo', 'xitong_admin', 'tuanyuan_demo']) {
      expect((await (await t.login(username)).get('/api/incidents')).statusCode, username).toBe(403);
    }
  });
});
