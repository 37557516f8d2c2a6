import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';

describe('a member signing in to see their own record', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('shows the linked record, masked, and nothing else', async () => {
    const member = await t.login('tuanyuan_demo');
    const linked = await t.db.selectFrom('app_user').select('member_id').where('username', '=', 'tuanyuan_demo').executeTakeFirstOrThrow();
    const response = await member.get('/api/me/member');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json();
    expect(body.member.id).toBe(linked.member_id);
    expect(body.member.idNumberMasked).toMatch(/\*{11}/);
    expect(body.member.orgName).toMatch(/团支部$/);
    // no access to anybody else's data, nor to the lists of cadres
    expect((await member.get('/api/members')).statusCode).toBe(403);
    expect((await member.get(`/api/members/${linked.member_id}`)).statusCode).toBe(403);
    expect((await member.get('/api/orgs/tree')).statusCode).toBe(403);
    expect((await member.get('/api/audit')).statusCode).toBe(403);
  });

  it('answers 404 with advice for an account without a linked record, and cadres have no own-record page', async () => {
    const cadre = await t.login('wuhou_admin');
    expect((await cadre.get('/api/me/member')).statusCode).toBe(403);
    await t.db.updateTable('app_user').set({ member_id: null }).where('username', '=', 'tuanyuan_demo').execute();
    const member = await t.login('tuanyuan_demo');
    const response = await member.get('/api/me/member');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toContain('尚未关联');
  });
});
