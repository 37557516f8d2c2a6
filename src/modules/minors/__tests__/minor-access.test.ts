import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataScope } from '../../../platform/scope/data-scope.ts';
import type { ServiceContext } from '../../../platform/service-context.ts';
import { todayInChina, yearsBefore } from '../../../platform/time/china-date.ts';
import { createTestApp, orgIdByName, type Client, type TestApp } from '../../../../test/helpers/test-app.ts';
import { getMember } from '../../members/find-members.ts';
import { makeResidentId } from '../../members/resident-id.ts';
import { decideMinorAccess, requestMinorAccess } from '../minor-access-requests.ts';
import { minorsReport } from '../minors-report.ts';

/**
 * 未成年人信息查看审批 end to end (DOMAIN §12 DB-08, LAW-09, LAW-10): a branch secretary meets a
 * 12-year-old's record in their branch (test data: the demo has no under-14 members), requests access,
 * a county committee approves, and every opening under the grant is logged with it.
 */
describe('minors\' records behind approval grants', () => {
  let t: TestApp;
  let secretary: Client;
  let county: Client;
  let minor: { id: number; name: string; orgId: number; orgPath: string };
  let foreignMinor: { id: number };
  let adult: { id: number };
  const twelveYearsAgo = () => yearsBefore(todayInChina(), 12);

  const audits = (action: string, targetId: number) => t.db.selectFrom('audit_log').select(['detail', 'actor_username'])
    .where('action', '=', action).where('target_id', '=', String(targetId)).orderBy('seq').execute();
  const exportRows = async (client: Client, query = '') => {
    const response = await client.get(`/api/members/export.xlsx${query}`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const names: string[] = [];
    workbook.getWorksheet('团员')!.eachRow((row, n) => { if (n > 1) names.push(String(row.getCell(1).value)); });
    return { names, withheld: Number(response.headers['x-withheld-minor-records']), note: workbook.getWorksheet('说明')?.getRow(1).getCell(1).value };
  };

  beforeAll(async () => {
    t = await createTestApp();
    secretary = await t.login('zhishu_demo');
    county = await t.login('wuhou_admin');
    const branchId = (await t.db.selectFrom('post').innerJoin('app_user', 'app_user.id', 'post.user_id').select('post.org_id').where('app_user.username', '=', 'zhishu_demo').executeTakeFirstOrThrow()).org_id;
    const rows = await t.db.selectFrom('member').select(['id', 'name', 'org_id', 'org_path']).where('org_id', '=', branchId).where('status', '=', 'normal').orderBy('id').limit(2).execute();
    minor = { id: rows[0]!.id, name: rows[0]!.name, orgId: rows[0]!.org_id, orgPath: rows[0]!.org_path };
    adult = { id: rows[1]!.id };
    const pidu = await t.db.selectFrom('organization').select('path').where('id', '=', await orgIdByName(t, '共青团郫都区委')).executeTakeFirstOrThrow();
    foreignMinor = await t.db.selectFrom('member').select('id').where('org_path', 'like', `${pidu.path}%`).orderBy('id').executeTakeFirstOrThrow();
    // Fixed data: two 12-year-olds, one in the secretary's branch and one in another county.
    await t.db.updateTable('member').set({ birth_date: twelveYearsAgo() }).where('id', 'in', [minor.id, foreignMinor.id]).execute();
  });
  afterAll(async () => t?.close());

  it('labels the record in the list and the detail, and keeps masking', async () => {
    const list = await secretary.get(`/api/members?orgId=${minor.orgId}&pageSize=200`);
    const items = list.json().items as { id: number; labels: string[]; idNumberMasked: string }[];
    expect(items.find((m) => m.id === minor.id)!.labels).toEqual(['MINOR_SENSITIVE']);
    expect(items.find((m) => m.id === minor.id)!.idNumberMasked).toContain('*');
    expect(items.find((m) => m.id === adult.id)!.labels).toEqual([]);
  });

  it('answers 403 APPROVAL_REQUIRED without a grant for the detail and the reveal, and withholds the row from exports', async () => {
    const detail = await secretary.get(`/api/members/${minor.id}`);
    expect(detail.statusCode).toBe(403);
    expect(detail.json().error.code).toBe('APPROVAL_REQUIRED');
    expect(detail.json().error.message).toContain('申请查看未成年人信息');
    const reveal = await secretary.post(`/api/members/${minor.id}/reveal`, { reason: '核对身份' });
    expect(reveal.statusCode).toBe(403);
    expect(reveal.json().error.code).toBe('APPROVAL_REQUIRED');
    expect(await audits('member.reveal', minor.id)).toHaveLength(0);
    // An edit, a status change or the history answers with the record too, so each needs the grant.
    const before = await t.db.selectFrom('member').selectAll().where('id', '=', minor.id).executeTakeFirstOrThrow();
    const refusals = [
      await secretary.patch(`/api/members/${minor.id}`, { occupation: 'student' }),
      await secretary.post(`/api/members/${minor.id}/exit-requests`, { kind: 'withdrawn', reason: '本人申请退团' }),
      await secretary.get(`/api/members/${minor.id}/status-history`),
    ];
    for (const response of refusals) {
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json().error.code).toBe('APPROVAL_REQUIRED');
    }
    expect(await t.db.selectFrom('member').selectAll().where('id', '=', minor.id).executeTakeFirstOrThrow()).toEqual(before);
    expect(await t.db.selectFrom('member_status_change').select('id').where('member_id', '=', minor.id).execute()).toHaveLength(0);
    expect((await secretary.get(`/api/members/${adult.id}`)).statusCode).toBe(200);
    expect((await secretary.get(`/api/members/${adult.id}/status-history`)).statusCode).toBe(200);
    const exported = await exportRows(secretary);
    expect(exported.names).not.toContain(minor.name);
    expect(exported.withheld).toBe(1);
    expect(String(exported.note)).toContain('另有1条未成年人敏感信息记录未导出');
  });

  it('answers 404, not 403, for a minor outside the scope', async () => {
    expect((await secretary.get(`/api/members/${foreignMinor.id}`)).statusCode).toBe(404);
    expect((await secretary.post(`/api/members/${foreignMinor.id}/reveal`, { reason: '核对身份' })).statusCode).toBe(404);
    expect((await secretary.post('/api/minor-access/requests', { memberId: foreignMinor.id, reason: '核对身份', purpose: '转接', hours: 24 })).statusCode).toBe(404);
  });

  it('refuses a request longer than the rule allows or without a reason, with a message per field', async () => {
    const response = await secretary.post('/api/minor-access/requests', { memberId: minor.id, reason: ' ', purpose: '办理组织关系转接', hours: 73 });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.fields as { field: string; message: string; messageEn: string }[];
    expect(fields.map((f) => f.field).sort()).toEqual(['hours', 'reason']);
    expect(fields.find((f) => f.field === 'hours')!.message).toContain('1至72小时');
    expect(await t.db.selectFrom('minor_access_grant').select('id').execute()).toHaveLength(0);
    const adultRequest = await secretary.post('/api/minor-access/requests', { memberId: adult.id, reason: '核对身份', purpose: '转接', hours: 24 });
    expect(adultRequest.statusCode).toBe(409);
  });

  let requestId: number;
  it('lets the secretary request access; the county sees it in 待办 and approves it; the requester cannot approve their own', async () => {
    const created = await secretary.post('/api/minor-access/requests', { memberId: minor.id, reason: '核对团员身份信息', purpose: '办理组织关系转接', hours: 48 });
    expect(created.statusCode).toBe(201);
    requestId = created.json().id;
    expect(created.json().state).toBe('pending');
    expect((await secretary.post('/api/minor-access/requests', { memberId: minor.id, reason: '再次申请', purpose: '转接', hours: 48 })).statusCode).toBe(409);
    expect((await secretary.get(`/api/members/${minor.id}`)).statusCode).toBe(403);
    // A branch secretary holds no approval right at all.
    expect((await secretary.post(`/api/minor-access/requests/${requestId}/decision`, { decision: 'approve' })).statusCode).toBe(403);

    const todo = (await county.get('/api/todo')).json().items as { kind: string; count: number }[];
    expect(todo.find((i) => i.kind === 'minor_access_approvals')?.count).toBe(1);
    const awaiting = (await county.get('/api/minor-access/requests/awaiting')).json().items as { id: number }[];
    expect(awaiting.map((r) => r.id)).toEqual([requestId]);

    // The county administrator's own request waits for someone else.
    const own = await county.post('/api/minor-access/requests', { memberId: minor.id, reason: '复核发展材料', purpose: '团员发展预审', hours: 24 });
    expect(own.statusCode).toBe(201);
    const selfApproval = await county.post(`/api/minor-access/requests/${own.json().id}/decision`, { decision: 'approve' });
    expect(selfApproval.statusCode).toBe(403);
    expect(selfApproval.json().error.message).toContain('不能审批本人提交的申请');
    expect((await county.get('/api/minor-access/requests/awaiting')).json().items.map((r: { id: number }) => r.id)).toEqual([requestId]);
    const refusedWithout = await (await t.login('chengdu_admin')).post(`/api/minor-access/requests/${own.json().id}/decision`, { decision: 'refuse' });
    expect(refusedWithout.statusCode).toBe(400);
    const refused = await (await t.login('chengdu_admin')).post(`/api/minor-access/requests/${own.json().id}/decision`, { decision: 'refuse', comment: '预审无需查看证件信息' });
    expect(refused.json().state).toBe('refused');

    const approved = await county.post(`/api/minor-access/requests/${requestId}/decision`, { decision: 'approve', comment: '同意，限于转接核对' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().state).toBe('active');
    const hours = (Date.parse(approved.json().expiresAt) - Date.parse(approved.json().decidedAt)) / 3_600_000;
    expect(hours).toBe(48);
    expect((await county.post(`/api/minor-access/requests/${requestId}/decision`, { decision: 'refuse', comment: '重复' })).statusCode).toBe(409);
  });

  it('opens, reveals and exports the record under the grant, each access audited with the grant id', async () => {
    const detail = await secretary.get(`/api/members/${minor.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().labels).toEqual(['MINOR_SENSITIVE']);
    expect((await secretary.post(`/api/members/${minor.id}/reveal`, { reason: '核对身份证号' })).statusCode).toBe(200);
    const exported = await exportRows(secretary);
    expect(exported.names).toContain(minor.name);
    expect(exported.withheld).toBe(0);
    const edited = await secretary.patch(`/api/members/${minor.id}`, { name: minor.name });
    expect(edited.statusCode, edited.body).toBe(200);
    for (const action of ['pii.minor.read', 'pii.minor.reveal', 'pii.minor.export', 'pii.minor.update']) {
      const rows = await audits(action, minor.id);
      expect(rows, action).toHaveLength(1);
      expect(JSON.parse(rows[0]!.detail!).grantId).toBe(requestId);
      expect(rows[0]!.actor_username).toBe('zhishu_demo');
    }
    // The grant is the secretary's own: the approver still needs one of their own.
    expect((await county.get(`/api/members/${minor.id}`)).json().error.code).toBe('APPROVAL_REQUIRED');
    // A grant for one record opens no other, and never one outside the scope.
    expect((await secretary.get(`/api/members/${foreignMinor.id}`)).statusCode).toBe(404);
    const status = (await secretary.get(`/api/minor-access/members/${minor.id}`)).json();
    expect(status.labelled).toBe(true);
    expect(status.active.id).toBe(requestId);
  });

  it('stops access as soon as the grant is revoked', async () => {
    const revoked = await county.post(`/api/minor-access/requests/${requestId}/revoke`, { reason: '转接已办结' });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().state).toBe('revoked');
    const detail = await secretary.get(`/api/members/${minor.id}`);
    expect(detail.statusCode).toBe(403);
    expect(detail.json().error.code).toBe('APPROVAL_REQUIRED');
    expect((await secretary.post(`/api/members/${minor.id}/reveal`, { reason: '核对身份' })).statusCode).toBe(403);
    expect((await exportRows(secretary)).names).not.toContain(minor.name);
  });

  it('ends a grant at its expiry (fixed clock)', async () => {
    const users = await t.db.selectFrom('app_user').select(['id', 'username']).where('username', 'in', ['zhishu_demo', 'chengdu_admin']).execute();
    const userId = (name: string) => users.find((u) => u.username === name)!.id;
    const root = await t.db.selectFrom('organization').selectAll().where('id', '=', minor.orgId).executeTakeFirstOrThrow();
    const chengdu = await t.db.selectFrom('organization').selectAll().where('id', '=', await orgIdByName(t, '共青团成都市委')).executeTakeFirstOrThrow();
    const ctxOf = (name: string, org: { id: number; path: string }, kind: 'self_org' | 'subtree'): ServiceContext => ({
      db: t.db, cipher: t.cipher, blindIndex: t.blindIndex, auditKey: t.auditKey,
      actor: { userId: userId(name), username: name, postId: null, postLabel: null, ip: null, requestId: null },
      scope: DataScope.forPost({ kind, orgId: org.id, orgPath: org.path, userId: userId(name) }),
    });
    const requester = ctxOf('zhishu_demo', root, 'self_org');
    const approver = ctxOf('chengdu_admin', chengdu, 'subtree');
    const t0 = new Date();
    const request = await requestMinorAccess(requester, { memberId: minor.id, reason: '核对团费', purpose: '团费收缴', hours: 2 }, t0);
    await decideMinorAccess(approver, request.id, { decision: 'approve' }, t0);
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    await expect(getMember(requester, minor.id, at(119))).resolves.toMatchObject({ id: minor.id });
    await expect(getMember(requester, minor.id, at(121))).rejects.toMatchObject({ code: 'APPROVAL_REQUIRED' });
    // An approver whose scope does not hold the record does not see the request: 404.
    const pidu = await t.db.selectFrom('organization').selectAll().where('id', '=', await orgIdByName(t, '共青团郫都区委')).executeTakeFirstOrThrow();
    const waiting = await requestMinorAccess(requester, { memberId: minor.id, reason: '核对学籍', purpose: '团籍注册', hours: 24 }, at(121));
    await expect(decideMinorAccess(ctxOf('chengdu_admin', pidu, 'subtree'), waiting.id, { decision: 'approve' }, at(122))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const row = await t.db.selectFrom('minor_access_grant').select('status').where('id', '=', waiting.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
  });

  it('counts the year in the compliance report for the province and the auditor, and only for them', async () => {
    const year = Number(todayInChina().slice(0, 4));
    // Fixed data: a guardian's deletion request for the other county's 12-year-old, accepted today, and an adult's.
    const foreign = await t.db.selectFrom('member').select(['org_id', 'org_path']).where('id', '=', foreignMinor.id).executeTakeFirstOrThrow();
    const userId = (await t.db.selectFrom('app_user').select('id').where('username', '=', 'sheng_admin').executeTakeFirstOrThrow()).id;
    const now = new Date().toISOString();
    for (const [memberId, requester] of [[foreignMinor.id, 'guardian'], [adult.id, 'self']] as const) {
      const at = memberId === adult.id ? { org_id: minor.orgId, org_path: minor.orgPath } : foreign;
      await t.db.insertInto('subject_request').values({
        member_id: memberId, ...at, kind: 'deletion', requester_kind: requester, field: null, proposed_value_enc: null, reason_code: 'other', note: '监护人要求删除',
        status: 'accepted', due_on: todayInChina(), created_by_user_id: userId, created_at: now, decided_by_user_id: userId, decided_by: 'sheng_admin', decided_at: now, decision_reason: null,
      }).execute();
    }
    // Incidents detected today: one involving minors counts; a drill and one without minors do not.
    for (const [involves_minors, drill] of [[1, 0], [1, 1], [0, 0]] as const) {
      await t.db.insertInto('incident').values({
        title: '演练与事件', status: 'open', severity: 'ordinary', drill, org_id: foreign.org_id, org_path: foreign.org_path, detected_at: now, pi_kinds: '[]',
        cause: '', harm: '', remedies: '', individual_measures: '', contact: '', involves_minors, affected_estimate: null, contained_at: null,
        regulator_notified_at: null, regulator_notified_by: null, regulator_notice: null, individuals_notified_at: null, individuals_notified_by: null,
        individuals_notice: null, individuals_exemption: null, created_by: 'anquan_admin', created_at: now, updated_at: now, closed_at: null, closed_by: null,
      }).execute();
    }
    for (const username of ['sheng_admin', 'shenji_admin']) {
      const response = await (await t.login(username)).get(`/api/minor-access/report?year=${year}`);
      expect(response.statusCode, username).toBe(200);
      const counts = Object.fromEntries((response.json().lines as { key: string; count: number }[]).map((l) => [l.key, l.count]));
      expect(counts).toEqual({
        labelledMembers: 2, labelledApplicants: 0, grantsRequested: 4, grantsApproved: 2, grantsRefused: 1, grantsRevoked: 1,
        reads: 2, updates: 1, reveals: 1, exports: 1, deletions: 1, incidents: 1,
      });
    }
    const past = await minorsReport({ db: t.db, scope: DataScope.system() }, 2020);
    expect(past.lines.every((l) => l.count === 0)).toBe(true);
    expect((await county.get(`/api/minor-access/report?year=${year}`)).statusCode).toBe(403);
    const download = await (await t.login('shenji_admin')).get(`/api/minor-access/report.xlsx?year=${year}`);
    expect(download.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('合规审计')!;
    const rows: [string, number][] = [];
    sheet.eachRow((r, n) => { if (n > 4) rows.push([String(r.getCell(1).value), Number(r.getCell(2).value)]); });
    expect(rows).toContainEqual(['经审批查看完整证件号码和手机号', 1]);
    expect(await t.db.selectFrom('audit_log').select('id').where('action', '=', 'minor.report.export').execute()).toHaveLength(1);
  });

  it('puts an applicant\'s record behind the same grant: detail, steps and notices refused without one, opened with one', async () => {
    const registered = await secretary.post('/api/admission/applicants', {
      orgId: minor.orgId, name: '初一学生', idType: 'resident', idNumber: makeResidentId('510107', yearsBefore(todayInChina(), 15), 7, 'female'),
      ethnicity: '01', occupation: 'student', source: 'points', score: 90, appliedOn: todayInChina(),
    });
    expect(registered.statusCode, registered.body).toBe(200);
    const applicant = { id: registered.json().id as number, name: '初一学生' };
    // Fixed data: a 12-year-old's application, so that the label holds under the default age.
    await t.db.updateTable('applicant').set({ birth_date: twelveYearsAgo() }).where('id', '=', applicant.id).execute();
    const before = await t.db.selectFrom('applicant').selectAll().where('id', '=', applicant.id).executeTakeFirstOrThrow();
    const listed = (await county.get(`/api/admission/applicants?q=${encodeURIComponent(applicant.name)}&pageSize=50`)).json().items as { id: number; labels: string[] }[];
    expect(listed.find((a) => a.id === applicant.id)!.labels).toEqual(['MINOR_SENSITIVE']);
    const refusals = [
      await county.get(`/api/admission/applicants/${applicant.id}`),
      await county.post(`/api/admission/applicants/${applicant.id}/stop`, { reason: '本人放弃申请' }),
      await county.post(`/api/admission/applicants/${applicant.id}/notices`, { kind: 'activist', startOn: '2030-03-01', endOn: '2030-03-05' }),
    ];
    for (const response of refusals) {
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json().error.code).toBe('APPROVAL_REQUIRED');
    }
    expect(await t.db.selectFrom('applicant').selectAll().where('id', '=', applicant.id).executeTakeFirstOrThrow()).toEqual(before);
    expect((await county.get(`/api/minor-access/applicants/${applicant.id}`)).json()).toMatchObject({ name: applicant.name, labelled: true, active: null, pending: null });

    const both = await county.post('/api/minor-access/requests', { memberId: minor.id, applicantId: applicant.id, reason: '核对申请材料', purpose: '入团预审', hours: 24 });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.fields[0].field).toBe('memberId');
    const created = await county.post('/api/minor-access/requests', { applicantId: applicant.id, reason: '核对申请材料', purpose: '入团预审', hours: 24 });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ subjectType: 'applicant', subjectId: applicant.id, subjectLabel: applicant.name, state: 'pending' });
    const city = await t.login('chengdu_admin');
    const awaiting = (await city.get('/api/minor-access/requests/awaiting')).json().items as { id: number; subjectType: string }[];
    expect(awaiting.find((r) => r.id === created.json().id)?.subjectType).toBe('applicant');
    // Another county's approver does not hold the record: 404.
    const pidu = await t.db.selectFrom('organization').selectAll().where('id', '=', await orgIdByName(t, '共青团郫都区委')).executeTakeFirstOrThrow();
    const piduApprover: ServiceContext = {
      db: t.db, cipher: t.cipher, blindIndex: t.blindIndex, auditKey: t.auditKey,
      actor: { userId: -2, username: 'pidu', postId: null, postLabel: null, ip: null, requestId: null },
      scope: DataScope.forPost({ kind: 'subtree', orgId: pidu.id, orgPath: pidu.path, userId: -2 }),
    };
    await expect(decideMinorAccess(piduApprover, created.json().id, { decision: 'approve' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await city.post(`/api/minor-access/requests/${created.json().id}/decision`, { decision: 'approve' })).statusCode).toBe(200);

    const detail = await county.get(`/api/admission/applicants/${applicant.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().labels).toEqual(['MINOR_SENSITIVE']);
    const reads = await t.db.selectFrom('audit_log').select(['detail', 'target_type']).where('action', '=', 'pii.minor.read').where('target_type', '=', 'applicant').execute();
    expect(reads).toHaveLength(1);
    expect(JSON.parse(reads[0]!.detail!).grantId).toBe(created.json().id);
  });
});
