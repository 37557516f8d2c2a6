import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orgIdByName, type Client, type TestApp } from '../../../../test/helpers/test-app.ts';

describe('待办 (work waiting for a post)', () => {
  let t: TestApp;
  let secretary: Client;
  let county: Client;
  type Item = { kind: string; count: number; overdue: number; link: string };
  const todo = async (client: Client): Promise<Record<string, Item>> => Object.fromEntries(((await client.get('/api/todo')).json().items as Item[]).map((i) => [i.kind, i]));

  beforeAll(async () => {
    t = await createTestApp();
    secretary = await t.login('zhishu_demo');
    county = await t.login('wuhou_admin');
  });
  afterAll(async () => t?.close());

  it('counts transfers waiting at the post\'s organizations, late ones apart, and exits to approve', async () => {
    const before = await todo(county);
    expect(before.transfer_decisions).toMatchObject({ count: 0, overdue: 0 });
    const me = (await secretary.get('/api/auth/me')).json();
    const branchId = me.posts.find((p: { id: number }) => p.id === me.currentPostId).orgId;
    const members = await t.db.selectFrom('member').select('id').where('org_id', '=', branchId).where('status', '=', 'normal').orderBy('id').limit(2).execute();
    const pidu = await t.db.selectFrom('organization').select('path').where('id', '=', await orgIdByName(t, '共青团郫都区委')).executeTakeFirstOrThrow();
    const target = await t.db.selectFrom('organization').select('id').where('type', '=', 'branch').where('path', 'like', `${pidu.path}%`).orderBy('id').executeTakeFirstOrThrow();
    const started = await secretary.post('/api/transfers', { memberId: members[0]!.id, scopeKind: 'within', reason: 'employment', toOrgId: target.id });
    expect(started.statusCode, started.body).toBe(200);
    await t.db.updateTable('transfer').set({ stage_since: new Date(Date.now() - 50 * 3_600_000).toISOString() }).where('id', '=', started.json().id).execute();
    expect((await secretary.post(`/api/members/${members[1]!.id}/exit-requests`, { kind: 'withdrawn', reason: '本人申请退团' })).statusCode).toBe(200);
    const after = await todo(county);
    expect(after.transfer_decisions).toMatchObject({ count: 1, overdue: 1, link: '/transfers?box=todo' });
    expect(after.exit_approvals!.count).toBe(before.exit_approvals!.count + 1);
    // The branch itself decides neither: the transfer waits above it and exits are approved above it.
    const own = await todo(secretary);
    expect(own.transfer_decisions!.count).toBe(0);
    expect(own.exit_approvals).toBeUndefined();
    expect(own.dues_lapse_warnings).toBeDefined();
  });

  it('shows a member no work', async () => {
    expect((await (await t.login('tuanyuan_demo')).get('/api/todo')).json().items).toEqual([]);
  });
});
