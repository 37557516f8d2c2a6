import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../../../platform/excel/exceljs.ts';
import { createTestApp, type Client, type TestApp } from '../../../../test/helpers/test-app.ts';

/** DOMAIN §12 LAW-05 (and LAW-04, the same flow for minors and guardians): download, correct, delete or restrict one's own data. */
describe('a member\'s own data: download and requests', () => {
  let t: TestApp;
  let member: Client;
  let secretary: Client;
  let province: Client;
  let memberId: number;
  let otherId: number;

  beforeAll(async () => {
    t = await createTestApp();
    member = await t.login('tuanyuan_demo');
    secretary = await t.login('zhishu_demo');
    province = await t.login('sheng_admin');
    memberId = (await member.get('/api/me/member')).json().member.id;
    otherId = (await t.db.selectFrom('member').select('id').where('id', '!=', memberId).orderBy('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t?.close());

  it('downloads the caller\'s own record in full, and only theirs; another id answers 404', async () => {
    const own = await t.db.selectFrom('member').selectAll().where('id', '=', memberId).executeTakeFirstOrThrow();
    const other = await t.db.selectFrom('member').selectAll().where('id', '=', otherId).executeTakeFirstOrThrow();
    const response = await member.get(`/api/me/member/${memberId}/export`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    expect(response.headers['cache-control']).toBe('no-store');
    const record = response.json();
    expect(record.member).toMatchObject({ id: memberId, name: own.name, idNumber: t.cipher.decrypt(own.id_number_enc) });
    expect(Array.isArray(record.statusHistory) && Array.isArray(record.dues.payments) && Array.isArray(record.transfers)).toBe(true);
    expect(response.body).not.toContain(t.cipher.decrypt(other.id_number_enc));
    expect((await member.get(`/api/me/member/${otherId}/export`)).statusCode).toBe(404);
    // A cadre has no own-record download; the download is audited without its content.
    expect((await secretary.get(`/api/me/member/${memberId}/export`)).statusCode).toBe(403);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'self.export').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toContain(t.cipher.decrypt(own.id_number_enc));
  });

  it('takes a correction request with a due date, refuses bad input per field, and the branch accepts it through the member update', async () => {
    const bad = await member.post('/api/me/subject-requests', { kind: 'correction', requesterKind: 'self', note: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['field', 'proposedValue']);
    expect(bad.json().error.fields[0].message).toMatch(/请/);
    expect(await t.db.selectFrom('subject_request').selectAll().execute()).toEqual([]);

    const created = await member.post('/api/me/subject-requests', { kind: 'correction', requesterKind: 'self', field: 'workplace', proposedValue: '成都市第七中学', note: '已调到新学校' });
    expect(created.statusCode, created.body).toBe(201);
    const request = created.json();
    expect(request).toMatchObject({ status: 'open', field: 'workplace', proposedValue: '成都市第七中学', overdue: false });
    expect(request.dueOn > new Date().toISOString().slice(0, 10)).toBe(true);
    expect((await member.post('/api/me/subject-requests', { kind: 'correction', requesterKind: 'self', field: 'workplace', proposedValue: '别处', note: '' })).statusCode).toBe(409);
    // The proposed value is stored encrypted.
    const stored = await t.db.selectFrom('subject_request').select('proposed_value_enc').where('id', '=', request.id).executeTakeFirstOrThrow();
    expect(stored.proposed_value_enc).not.toContain('第七中学');

    // The branch secretary sees it in 待办 and in the list, and accepts.
    const todo = (await secretary.get('/api/todo')).json().items.find((i: { kind: string }) => i.kind === 'subject_requests');
    expect(todo).toMatchObject({ count: 1, link: '/subject-requests' });
    const listed = (await secretary.get('/api/subject-requests?status=open')).json().items;
    expect(listed.map((r: { id: number }) => r.id)).toEqual([request.id]);
    expect((await member.get('/api/subject-requests')).statusCode).toBe(403);
    const accepted = await secretary.post(`/api/subject-requests/${request.id}/decision`, { decision: 'accept', reason: '' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', decidedBy: 'zhishu_demo' });
    expect((await t.db.selectFrom('member').select('workplace').where('id', '=', memberId).executeTakeFirstOrThrow()).workplace).toBe('成都市第七中学');
    const actions = (await t.db.selectFrom('audit_log').select('action').where('target_id', '=', String(memberId)).orderBy('seq').execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['subject.request', 'member.update', 'subject.accept']));
    expect((await secretary.post(`/api/subject-requests/${request.id}/decision`, { decision: 'refuse', reason: '再次办理' })).statusCode).toBe(409);
  });

  it('refuses only with a reason, which the member then reads; an invalid correction changes nothing', async () => {
    const created = (await member.post('/api/me/subject-requests', { kind: 'correction', requesterKind: 'guardian', field: 'phone', proposedValue: '123', note: '家长代为申请' })).json();
    const listed = (await secretary.get('/api/subject-requests?status=open')).json().items[0];
    expect(listed.proposedValue).toBe('***'); // masked for the handler
    const invalid = await secretary.post(`/api/subject-requests/${created.id}/decision`, { decision: 'accept', reason: '' });
    expect(invalid.statusCode).toBe(400);
    expect((await t.db.selectFrom('subject_request').select('status').where('id', '=', created.id).executeTakeFirstOrThrow()).status).toBe('open');
    expect((await secretary.post(`/api/subject-requests/${created.id}/decision`, { decision: 'refuse', reason: '' })).statusCode).toBe(400);
    const refused = await secretary.post(`/api/subject-requests/${created.id}/decision`, { decision: 'refuse', reason: '号码位数不对，请核对后重新申请' });
    expect(refused.statusCode).toBe(200);
    const mine = (await member.get('/api/me/subject-requests')).json();
    expect(mine.items.find((r: { id: number }) => r.id === created.id)).toMatchObject({ status: 'refused', decisionReason: '号码位数不对，请核对后重新申请', requesterKind: 'guardian' });
    // A committee elsewhere does not see the request.
    const elsewhere = await t.login('chengdu_admin');
    const ids = (await elsewhere.get('/api/subject-requests')).json().items.map((r: { id: number }) => r.id);
    const branchPath = (await t.db.selectFrom('member').select('org_path').where('id', '=', memberId).executeTakeFirstOrThrow()).org_path;
    const chengduPath = (await t.db.selectFrom('organization').innerJoin('post', 'post.org_id', 'organization.id').innerJoin('app_user', 'app_user.id', 'post.user_id').select('organization.path').where('app_user.username', '=', 'chengdu_admin').executeTakeFirstOrThrow()).path;
    expect(ids.includes(created.id)).toBe(branchPath.startsWith(chengduPath));
  });

  /** Every GET route under /api/members, from the app's route table, with the member's id where it takes one. */
  function memberReadRoutes(): string[] {
    const urls = t.app.routeList.filter((r) => r.method === 'GET' && r.url.startsWith('/api/members')).map((r) => r.url);
    expect(urls.length).toBeGreaterThan(4);
    // Routes whose parameter is not a member's id (an import job, a prepared export file) read no member by it.
    return urls.filter((u) => !u.includes(':') || /^\/api\/members\/:id(\/[^:]*)?$/.test(u)).map((u) => u.replace(':id', String(memberId)));
  }

  async function textOf(response: { headers: Record<string, unknown>; rawPayload: Buffer; body: string }): Promise<string> {
    if (!String(response.headers['content-type']).includes('spreadsheetml')) return response.body;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
    return cells.join('\n');
  }

  /** Where the member shows: [url, status, whether the member's name or id is in the answer]. */
  async function walk(client: Client, name: string): Promise<Array<[string, number, boolean]>> {
    const out: Array<[string, number, boolean]> = [];
    for (const url of [...memberReadRoutes(), `/api/members?q=${encodeURIComponent(name)}`, `/api/members/export.xlsx?q=${encodeURIComponent(name)}`]) {
      const response = await client.get(url);
      const text = await textOf(response);
      const listed = /"items"/.test(text) ? (JSON.parse(text).items as { id?: number }[]).some((i) => i.id === memberId) : false;
      out.push([url, response.statusCode, listed || text.includes(name)]);
    }
    return out;
  }

  it('marks the record restricted when a deletion is accepted: every member read path answers 404 or leaves the member out, except the request itself', async () => {
    const name = (await t.db.selectFrom('member').select('name').where('id', '=', memberId).executeTakeFirstOrThrow()).name;
    // Before: the member is visible to the branch and the province (so the walk below can fail).
    const before = await walk(secretary, name);
    expect(before.find(([url]) => url === `/api/members/${memberId}`)).toEqual([`/api/members/${memberId}`, 200, true]);
    expect(before.find(([url]) => url.startsWith('/api/members?q='))?.[2]).toBe(true);
    // A transfer under way: once the record is restricted it is stored only, not shown or decided.
    const own = await t.db.selectFrom('member').select('org_id').where('id', '=', memberId).executeTakeFirstOrThrow();
    const elsewhere = await t.db.selectFrom('organization').select('id').where('type', '=', 'branch').where('status', '=', 'active').where('id', '!=', own.org_id).orderBy('id').executeTakeFirstOrThrow();
    const started = await secretary.post('/api/transfers', { memberId, scopeKind: 'within', reason: 'employment', toOrgId: elsewhere.id });
    expect(started.statusCode, started.body).toBe(200);
    const transferId = started.json().id as number;
    expect((await province.get(`/api/transfers/${transferId}`)).statusCode).toBe(200);
    const transferIds = async (client: Client) => ((await client.get('/api/transfers?box=all&pageSize=200')).json().items as { id: number }[]).map((x) => x.id);
    expect(await transferIds(secretary)).toContain(transferId);

    const bad = await member.post('/api/me/subject-requests', { kind: 'deletion', requesterKind: 'self', note: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('reasonCode');
    const request = (await member.post('/api/me/subject-requests', { kind: 'deletion', requesterKind: 'self', reasonCode: 'consent_withdrawn', note: '不再同意处理' })).json();
    expect((await secretary.post(`/api/subject-requests/${request.id}/decision`, { decision: 'accept', reason: '已核实' })).statusCode).toBe(200);

    for (const client of [secretary, province]) {
      for (const [url, status, shown] of await walk(client, name)) {
        expect(shown, `${client.username} ${url}`).toBe(false);
        if (url.includes(`/${memberId}`)) expect(status, `${client.username} ${url}`).toBe(404);
      }
    }
    for (const client of [secretary, province]) {
      expect(await transferIds(client), client.username).not.toContain(transferId);
      expect((await client.get(`/api/transfers/${transferId}`)).statusCode, client.username).toBe(404);
    }
    const stage = await t.db.selectFrom('transfer').select(['stage_org_id', 'status']).where('id', '=', transferId).executeTakeFirstOrThrow();
    expect((await province.post(`/api/transfers/${transferId}/decision`, { action: 'approve' })).statusCode).toBe(404);
    expect(await t.db.selectFrom('transfer').select(['stage_org_id', 'status']).where('id', '=', transferId).executeTakeFirstOrThrow()).toEqual(stage);
    expect((await member.get('/api/me/transfers')).json().items.map((x: { id: number }) => x.id)).toContain(transferId);
    // The handling of the request still shows whose it is; the member still sees their own record and its state.
    const handled = (await secretary.get('/api/subject-requests')).json().items.find((r: { id: number }) => r.id === request.id);
    expect(handled).toMatchObject({ memberName: name, memberRestricted: true, status: 'accepted' });
    expect((await member.get('/api/me/subject-requests')).json().restricted).toBe(true);
    expect((await member.get('/api/me/member')).statusCode).toBe(200);
    // A correction asked afterwards can only be refused: the record is no longer edited.
    const late = (await member.post('/api/me/subject-requests', { kind: 'correction', requesterKind: 'self', field: 'household', proposedValue: '四川省成都市', note: '' })).json();
    const refusedAccept = await secretary.post(`/api/subject-requests/${late.id}/decision`, { decision: 'accept', reason: '' });
    expect(refusedAccept.statusCode).toBe(409);
    expect(refusedAccept.json().error.message).toContain('限制处理');
    expect((await secretary.post(`/api/subject-requests/${late.id}/decision`, { decision: 'refuse', reason: '信息已限制处理，不再更正' })).statusCode).toBe(200);
  });
});
