import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../../../../platform/excel/exceljs.ts';
import { rule } from '../../../../platform/rules/rules.ts';
import { accountAt } from '../../../../../test/helpers/test-accounts.ts';
import { createTestApp, orgIdByName, type Client, type TestApp } from '../../../../../test/helpers/test-app.ts';

const GOOD = 'Qingnian#2026go';
const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
const tokenOf = (linkPath: string) => linkPath.split('#')[1]!;

/** 账号管理, activation and reset links (DOMAIN §12 DB-05, AS-05, AS-09). */
describe('account administration', () => {
  let t: TestApp;
  let system: Client;
  let security: Client;
  let chengdu: number;
  let mianyang: number;
  let ip = 0;
  // Each call from its own address, so the per-IP limit only bites in the test about it.
  const open = (url: string, payload: object, remoteAddress = `10.9.${Math.floor(++ip / 250)}.${ip % 250}`) =>
    t.app.inject({ method: 'POST', url, payload, remoteAddress });
  const userOf = (username: string) => t.db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp();
    system = await t.login('xitong_admin');
    security = await t.login('anquan_admin');
    chengdu = await orgIdByName(t, '共青团成都市委');
    mianyang = await orgIdByName(t, '共青团绵阳市委');
  });
  afterAll(async () => t?.close());

  it('creates an account without any password and hands out a one-time activation link and code', async () => {
    const response = await system.post('/api/accounts', { username: 'cd_ganbu', displayName: '成都干部', orgId: chengdu });
    expect(response.statusCode).toBe(201);
    const { activation } = response.json();
    expect(activation.kind).toBe('activation');
    expect(activation.linkPath).toMatch(/^\/activate#[A-Za-z0-9_-]{43}$/);
    expect(activation.code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const days = (Date.parse(activation.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(rule('auth.activationDays') - 0.01);
    expect(days).toBeLessThanOrEqual(rule('auth.activationDays'));
    expect(response.body.toLowerCase()).not.toContain('password');
    // only digests are stored
    const grant = await t.db.selectFrom('credential_grant').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(grant.token_hash).toBe(sha256(tokenOf(activation.linkPath)));
    expect(JSON.stringify(grant)).not.toContain(tokenOf(activation.linkPath));
    expect(JSON.stringify(grant)).not.toContain(activation.code.replace(/-/g, ''));
    const user = await userOf('cd_ganbu');
    expect(user).toMatchObject({ status: 'pending', org_id: chengdu });
    const audit = await t.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'user.create').where('target_label', '=', 'cd_ganbu').executeTakeFirstOrThrow();
    expect(audit.detail ?? '').not.toContain(tokenOf(activation.linkPath));
    // a duplicate name is refused whatever its case
    expect((await system.post('/api/accounts', { username: 'CD_Ganbu', displayName: '重复', orgId: chengdu })).statusCode).toBe(409);
  });

  it('activates once with a password under the policy: weak → 422, unknown → 400, used → 410', async () => {
    const { activation } = (await system.post('/api/accounts', { username: 'cd_tuanwei', displayName: '成都团委', orgId: chengdu })).json();
    const token = tokenOf(activation.linkPath);
    expect((await open('/api/auth/activation-info', { token })).json()).toMatchObject({ kind: 'activation', username: 'cd_tuanwei' });
    const weak = await open('/api/auth/activate', { token, newPassword: '12345678' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.fields.length).toBeGreaterThan(0);
    expect((await userOf('cd_tuanwei')).status).toBe('pending');
    const unknown = await open('/api/auth/activate', { token: crypto.randomBytes(32).toString('base64url'), newPassword: GOOD });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('CREDENTIAL_INVALID');
    expect(unknown.json().error.message).toMatch(/激活码/);
    expect(unknown.json().error.messageEn).toMatch(/activation/);
    expect((await open('/api/auth/activate', { token, newPassword: GOOD })).statusCode).toBe(200);
    expect((await userOf('cd_tuanwei')).status).toBe('active');
    const again = await open('/api/auth/activate', { token, newPassword: 'Another#2026pw' });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('CREDENTIAL_EXPIRED');
    const refused = await t.db.selectFrom('audit_log').select(['result', 'detail']).where('action', '=', 'user.activate').where('result', '=', 'denied').execute();
    expect(refused.map((r) => JSON.parse(r.detail!).reason)).toEqual(expect.arrayContaining(['CREDENTIAL_INVALID', 'CREDENTIAL_EXPIRED']));
    expect(refused.every((r) => !r.detail!.includes(token))).toBe(true);
    // the password chosen works; the account has no post yet, so it signs in without one
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'cd_tuanwei', password: GOOD } });
    expect([200, 202]).toContain(login.statusCode);
    expect(await t.db.selectFrom('audit_log').select('action').where('action', '=', 'user.activate').where('target_label', '=', 'cd_tuanwei').execute()).toHaveLength(1);
  });

  it('accepts the short code typed loosely, and refuses an expired grant with 410', async () => {
    const { activation } = (await system.post('/api/accounts', { username: 'cd_code', displayName: '短码', orgId: chengdu })).json();
    const typed = activation.code.toLowerCase().replace(/-/g, ' ');
    expect((await open('/api/auth/activation-info', { token: typed })).json().username).toBe('cd_code');
    const { activation: second } = (await system.post('/api/accounts', { username: 'cd_expired', displayName: '过期', orgId: chengdu })).json();
    await t.db.updateTable('credential_grant').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('token_hash', '=', sha256(tokenOf(second.linkPath))).execute();
    expect((await open('/api/auth/activate', { token: second.code, newPassword: GOOD })).statusCode).toBe(410);
    expect((await userOf('cd_expired')).status).toBe('pending');
  });

  it('issues a reset link that replaces the older one, lasts auth.resetLinkHours, and keeps the old password until used', async () => {
    const target = await userOf('cd_tuanwei');
    const first = (await system.post(`/api/accounts/${target.id}/reset-link`, {})).json();
    expect(first.kind).toBe('reset');
    const hours = (Date.parse(first.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(rule('auth.resetLinkHours') - 0.01);
    expect(hours).toBeLessThanOrEqual(rule('auth.resetLinkHours'));
    const second = (await system.post(`/api/accounts/${target.id}/reset-link`, {})).json();
    expect((await open('/api/auth/activate', { token: tokenOf(first.linkPath), newPassword: 'Reset#2026one' })).statusCode).toBe(410);
    expect((await userOf('cd_tuanwei')).password_hash).toBe(target.password_hash);
    expect((await open('/api/auth/activate', { token: tokenOf(second.linkPath), newPassword: 'Reset#2026two' })).statusCode).toBe(200);
    expect((await userOf('cd_tuanwei')).password_hash).not.toBe(target.password_hash);
  });

  it('ends the sessions of a disabled account (the old cookie gets 401) and of an account whose post is revoked', async () => {
    const disabledClient = await accountAt(t, 'cd_disable_me', chengdu, 'committee_admin', 'subtree');
    const user = await userOf('cd_disable_me');
    expect((await disabledClient.get('/api/auth/me')).statusCode).toBe(200);
    expect((await system.post(`/api/accounts/${user.id}/disable`, { reason: '调离岗位' })).statusCode).toBe(204);
    expect((await disabledClient.get('/api/auth/me')).statusCode).toBe(401);
    expect((await disabledClient.get('/api/orgs/tree')).statusCode).toBe(401);
    expect((await t.login('cd_disable_me').catch((e: Error) => e.message))).toContain('403');
    expect((await system.post(`/api/accounts/${user.id}/enable`, { reason: '恢复使用' })).statusCode).toBe(204);
    expect((await userOf('cd_disable_me')).status).toBe('active');

    const cadre = await accountAt(t, 'cd_term_ends', chengdu, 'committee_admin', 'subtree');
    const post = await t.db.selectFrom('post').innerJoin('app_user', 'app_user.id', 'post.user_id').select('post.id').where('app_user.username', '=', 'cd_term_ends').executeTakeFirstOrThrow();
    expect((await cadre.get('/api/orgs/tree')).statusCode).toBe(200);
    expect((await security.post(`/api/accounts/posts/${post.id}/revoke`, { reason: '任期届满' })).statusCode).toBe(204);
    expect((await cadre.get('/api/orgs/tree')).statusCode).toBe(401);
    expect((await t.db.selectFrom('post').select('status').where('id', '=', post.id).executeTakeFirstOrThrow()).status).toBe('ended');
    const audit = await t.db.selectFrom('audit_log').select('detail').where('action', '=', 'post.revoke').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!)).toMatchObject({ reason: '任期届满', endedSessions: 1 });
  });

  it('lets the security administrator grant a post and end sessions', async () => {
    const user = await userOf('cd_tuanwei');
    const granted = await security.post(`/api/accounts/${user.id}/posts`, { orgId: chengdu, roleCode: 'committee_admin', scope: 'subtree' });
    expect(granted.statusCode).toBe(201);
    const cadre = await t.login('cd_tuanwei', 'Reset#2026two');
    expect((await cadre.get('/api/orgs/tree')).statusCode).toBe(200);
    const ended = await security.post(`/api/accounts/${user.id}/end-sessions`, { reason: '疑似账号被盗用' });
    expect(ended.json().ended).toBeGreaterThanOrEqual(1);
    expect((await cadre.get('/api/auth/me')).statusCode).toBe(401);
    const listed = (await security.get('/api/accounts?q=cd_tuanwei')).json().items[0];
    expect(listed.posts).toEqual([expect.objectContaining({ orgId: chengdu, roleCode: 'committee_admin', status: 'active' })]);
    expect(listed.sessions).toBe(0);
    expect(listed).toHaveProperty('secondFactor');
  });

  it('keeps a city administrator to its subtree: accounts elsewhere are 404 and its grants no wider than its scope', async () => {
    const cityRoot = await t.db.selectFrom('app_user').select('id').where('username', '=', 'xitong_admin').executeTakeFirstOrThrow();
    const citySystem = await accountAt(t, 'cd_xitong', chengdu, 'system_admin', 'subtree');
    const citySecurity = await accountAt(t, 'cd_anquan', chengdu, 'security_admin', 'subtree');
    const names = (await citySystem.get('/api/accounts?pageSize=200')).json().items.map((a: { username: string }) => a.username) as string[];
    expect(names).toEqual(expect.arrayContaining(['chengdu_admin', 'wuhou_admin', 'zhishu_demo', 'cd_ganbu']));
    expect(names).not.toContain('sheng_admin');
    expect(names).not.toContain('xitong_admin');
    const sheng = await userOf('sheng_admin');
    const before = await t.db.selectFrom('app_user').select(['id', 'status']).orderBy('id').execute();
    expect((await citySystem.post(`/api/accounts/${sheng.id}/disable`, { reason: '越权停用' })).statusCode).toBe(404);
    expect((await citySystem.post(`/api/accounts/${cityRoot.id}/reset-link`, {})).statusCode).toBe(404);
    expect((await citySystem.post('/api/accounts', { username: 'my_outside', displayName: '外市', orgId: mianyang })).statusCode).toBe(404);
    expect((await citySystem.get(`/api/accounts?orgId=${mianyang}`)).statusCode).toBe(404);
    expect((await citySecurity.post(`/api/accounts/${sheng.id}/end-sessions`, { reason: '越权结束' })).statusCode).toBe(404);
    const wuhou = await userOf('wuhou_admin');
    expect((await citySecurity.post(`/api/accounts/${wuhou.id}/posts`, { orgId: mianyang, roleCode: 'committee_admin' })).statusCode).toBe(404);
    const tooWide = await citySecurity.post(`/api/accounts/${wuhou.id}/posts`, { orgId: chengdu, roleCode: 'committee_admin', scope: 'all' });
    expect(tooWide.statusCode).toBe(400);
    expect(tooWide.json().error.fields[0].field).toBe('scope');
    // the province's own roles are the province's to give
    const provinceRole = await citySecurity.post(`/api/accounts/${wuhou.id}/posts`, { orgId: chengdu, roleCode: 'province_admin', scope: 'subtree' });
    expect(provinceRole.statusCode).toBe(400);
    expect(provinceRole.json().error.fields[0]).toMatchObject({ field: 'roleCode', code: 'province_only' });
    expect((await citySecurity.get('/api/accounts/roles')).json().items.map((r: { code: string }) => r.code)).not.toContain('system_admin');
    const shengPost = await t.db.selectFrom('post').select('id').where('user_id', '=', sheng.id).executeTakeFirstOrThrow();
    expect((await citySecurity.post(`/api/accounts/posts/${shengPost.id}/revoke`, { reason: '越权免职' })).statusCode).toBe(404);
    expect(await t.db.selectFrom('app_user').select(['id', 'status']).orderBy('id').execute()).toEqual(before);
    // nobody acts on themselves
    const self = await userOf('cd_anquan');
    expect((await citySecurity.post(`/api/accounts/${self.id}/posts`, { orgId: chengdu, roleCode: 'province_admin', scope: 'subtree' })).statusCode).toBe(409);
  });

  it('lets a branch secretary open an account for a member of the branch, and only there', async () => {
    const secretary = await t.login('zhishu_demo');
    const me = (await secretary.get('/api/auth/me')).json();
    const branchId = me.posts[0].orgId as number;
    const linked = await t.db.selectFrom('app_user').select('member_id').where('member_id', 'is not', null).execute();
    const member = await t.db.selectFrom('member').select(['id', 'name']).where('org_id', '=', branchId).where('status', '=', 'normal')
      .where('id', 'not in', linked.map((l) => l.member_id!)).orderBy('id').executeTakeFirstOrThrow();
    const opened = await secretary.post('/api/accounts/for-member', { memberId: member.id });
    expect(opened.statusCode).toBe(200);
    const body = opened.json();
    expect(body).toMatchObject({ created: true, activation: { kind: 'activation' } });
    expect(body.username).toMatch(/^ty\d{8}$/);
    const account = await userOf(body.username);
    expect(account).toMatchObject({ member_id: member.id, display_name: member.name, status: 'pending', org_id: branchId });
    // asking again while it waits replaces the code; the first no longer works
    const again = (await secretary.post('/api/accounts/for-member', { memberId: member.id })).json();
    expect(again).toMatchObject({ created: false, username: body.username });
    expect((await open('/api/auth/activate', { token: tokenOf(body.activation.linkPath), newPassword: GOOD })).statusCode).toBe(410);
    // the member's own ID number tail is refused as a password, and the code stays usable
    const { id_number_enc } = await t.db.selectFrom('member').select('id_number_enc').where('id', '=', member.id).executeTakeFirstOrThrow();
    const ownId = t.cipher.decrypt(id_number_enc);
    const personal = await open('/api/auth/activate', { token: again.activation.code, newPassword: `Tw#${ownId.slice(-6)}a` });
    expect(personal.statusCode).toBe(422);
    expect(personal.json().error.fields[0]).toMatchObject({ field: 'newPassword', message: '不能包含本人身份证号码或出生日期' });
    expect((await open('/api/auth/activate', { token: again.activation.code, newPassword: GOOD })).statusCode).toBe(200);
    const own = await t.login(body.username, GOOD);
    expect((await own.get('/api/me/member')).json().member.id).toBe(member.id);
    // an activated account is not opened twice; a member of another branch is out of scope
    expect((await secretary.post('/api/accounts/for-member', { memberId: member.id })).statusCode).toBe(409);
    const foreign = await t.db.selectFrom('member').select('id').where('org_id', '!=', branchId).orderBy('id').executeTakeFirstOrThrow();
    expect((await secretary.post('/api/accounts/for-member', { memberId: foreign.id })).statusCode).toBe(404);
  });

  it('gives a branch secretary an Excel sheet of activation codes for every member of the branch still without an account', async () => {
    const secretary = await t.login('zhishu_demo');
    const branchId = (await secretary.get('/api/auth/me')).json().posts[0].orgId as number;
    const response = await secretary.post('/api/accounts/for-branch.xlsx', { orgId: branchId });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['cache-control']).toBe('no-store');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]!.getSheetValues().slice(2).filter((r) => Array.isArray(r) && /^ty\d{8}$/.test(String(r[2]))) as unknown[][];
    const waiting = await t.db.selectFrom('member').leftJoin('app_user', 'app_user.member_id', 'member.id').select('member.id')
      .where('member.org_id', '=', branchId).where('member.status', '=', 'normal').where('app_user.status', '=', 'pending').execute();
    const signedUp = await t.db.selectFrom('member').innerJoin('app_user', 'app_user.member_id', 'member.id').select('app_user.username')
      .where('member.org_id', '=', branchId).where('app_user.status', '=', 'active').execute();
    expect(rows.length).toBe(waiting.length);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.map((r) => r[2])).not.toEqual(expect.arrayContaining(signedUp.map((u) => u.username)));
    expect(JSON.stringify(rows).toLowerCase()).not.toContain('password');
    const [, , username, code, link] = rows[0]! as string[];
    expect(String(link)).toMatch(/\/activate#[A-Za-z0-9_-]{43}$/);
    expect((await open('/api/auth/activation-info', { token: String(code) })).json().username).toBe(username);
    // another branch is out of the secretary's scope
    const other = await t.db.selectFrom('organization').select('id').where('type', '=', 'branch').where('id', '!=', branchId).executeTakeFirstOrThrow();
    expect((await secretary.post('/api/accounts/for-branch.xlsx', { orgId: other.id })).statusCode).toBe(404);
  });

  it('limits activation attempts per address', async () => {
    const address = '10.77.0.1';
    const statuses: number[] = [];
    for (let i = 0; i <= rule('auth.activationRatePerMinute'); i++) {
      statuses.push((await open('/api/auth/activate', { token: crypto.randomBytes(32).toString('base64url'), newPassword: GOOD }, address)).statusCode);
    }
    expect(statuses.slice(0, -1).every((s) => s === 400)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('has no route outside /api/auth/* that takes a password, and none that answers with one (AS-09)', () => {
    /** Every property of a schema, nested ones too, with its schema. */
    const properties = (schema: unknown): [string, { type?: string }][] => {
      if (!schema || typeof schema !== 'object') return [];
      const node = schema as { properties?: Record<string, unknown>; items?: unknown; anyOf?: unknown[]; allOf?: unknown[]; oneOf?: unknown[] };
      return [
        ...Object.entries(node.properties ?? {}).flatMap(([key, value]) => [[key, value as { type?: string }] as [string, { type?: string }], ...properties(value)]),
        ...properties(node.items), ...[...(node.anyOf ?? []), ...(node.allOf ?? []), ...(node.oneOf ?? [])].flatMap(properties),
      ];
    };
    const passwordLike = /pass(word|wd)?|pwd|口令|密码/i;
    let scanned = 0;
    for (const route of t.app.routeList.filter((r) => r.url.startsWith('/api/'))) {
      const name = `${route.method} ${route.url}`;
      if (!route.url.startsWith('/api/auth/')) {
        expect(properties(route.schema?.body).map(([key]) => key).filter((key) => passwordLike.test(key)), name).toEqual([]);
        expect(properties(route.schema?.querystring).map(([key]) => key).filter((key) => passwordLike.test(key)), name).toEqual([]);
      }
      // Answers may say whether a password must change (a flag), never carry one (a string).
      for (const response of Object.values(route.schema?.response ?? {})) {
        expect(properties(response).filter(([key, value]) => passwordLike.test(key) && value.type !== 'boolean').map(([key]) => key), name).toEqual([]);
      }
      scanned++;
    }
    expect(scanned).toBeGreaterThan(100);
  });
});
