import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orgIdByName, type Client, type TestApp } from './helpers/test-app.ts';
import { accountAt } from './helpers/test-accounts.ts';
import { todayInChina } from '../src/platform/time/china-date.ts';

const DEMO_PLAN = path.resolve(import.meta.dirname, '../src/seed/assets/demo-work-plan.txt');

/** Who may see and do what on a plan: scope, assignment, ownership; bad input changes nothing. */
describe('工作要点 authorization and bad input', () => {
  let t: TestApp;
  let province: Client;
  let wuhou: Client;
  let pidu: Client;
  let chengdu: Client;
  let secretary: Client;
  let planId: number;
  let taskId: number;
  let otherTaskId: number;
  let wuhouId: number;
  let rootId: number;
  const month = todayInChina().slice(0, 7);
  const year = Number(month.slice(0, 4));

  beforeAll(async () => {
    t = await createTestApp();
    province = await t.login('sheng_admin');
    wuhou = await t.login('wuhou_admin');
    chengdu = await t.login('chengdu_admin');
    secretary = await t.login('zhishu_demo');
    pidu = await accountAt(t, 'pidu_plan', await orgIdByName(t, '共青团郫都区委'), 'committee_admin');
    wuhouId = await orgIdByName(t, '共青团武侯区委');
    rootId = (await t.db.selectFrom('organization').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id;
    const parsed = (await province.request({ method: 'POST', url: '/api/workplan/plans/parse', payload: await readFile(DEMO_PLAN), headers: { 'content-type': 'text/plain' } })).json().parse;
    const sections = parsed.sections.map((s: { ordinal: string; title: string; items: { title: string; body: string; tags: string[]; targets: object[] }[] }) => ({
      ordinal: s.ordinal, title: s.title, items: s.items.map((i) => ({ ...i, targets: i.targets.map((x) => ({ ...x, confirmed: true })) })),
    }));
    const board = (await province.post('/api/workplan/plans', { orgId: rootId, year, title: parsed.title, generalIdea: parsed.generalIdea, sourceName: null, sections })).json();
    planId = board.plan.id;
    const tasks = board.sections.flatMap((s: { tasks: { id: number }[] }) => s.tasks);
    taskId = tasks[0].id;
    otherTaskId = tasks[1].id;
    expect((await province.post(`/api/workplan/tasks/${taskId}/assignments`, { parentAssignmentId: null, orgIds: [wuhouId], note: null, quotas: [] })).statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  it('keeps plan management to posts that may manage, and the plan to those who own it or hold a task', async () => {
    expect((await secretary.request({ method: 'POST', url: '/api/workplan/plans/parse', payload: Buffer.from('标题'), headers: { 'content-type': 'text/plain' } })).statusCode).toBe(403);
    expect((await secretary.post('/api/workplan/plans', { orgId: rootId, year, title: 'x', generalIdea: '', sourceName: null, sections: [] })).statusCode).toBe(403);
    expect((await secretary.get('/api/workplan/plans')).json().items).toEqual([]);
    expect((await secretary.get(`/api/workplan/plans/${planId}`)).statusCode).toBe(404);
    expect((await pidu.get(`/api/workplan/plans/${planId}`)).statusCode).toBe(404);
    expect((await pidu.get(`/api/workplan/tasks/${taskId}`)).statusCode).toBe(404);
    expect((await pidu.get(`/api/workplan/plans/${planId}/supervision`)).statusCode).toBe(404);
    expect((await pidu.get(`/api/workplan/plans/${planId}/ledger.xlsx`)).statusCode).toBe(404);
    // 武侯 holds one task: it sees that one, not the others, and cannot change the plan.
    expect((await wuhou.get(`/api/workplan/tasks/${taskId}`)).statusCode).toBe(200);
    expect((await wuhou.get(`/api/workplan/tasks/${otherTaskId}`)).statusCode).toBe(404);
    expect((await wuhou.patch(`/api/workplan/plans/${planId}`, { status: 'archived' })).statusCode).toBe(403);
    expect((await wuhou.request({ method: 'DELETE', url: `/api/workplan/plans/${planId}` })).statusCode).toBe(403);
    expect((await wuhou.post(`/api/workplan/tasks/${taskId}/milestones`, { title: '节点', dueOn: `${year}-12-01` })).statusCode).toBe(403);
    // A post may not plan for an organization outside its scope, nor for a branch.
    expect((await pidu.post('/api/workplan/plans', { orgId: wuhouId, year, title: 'x', generalIdea: '', sourceName: null, sections: [{ ordinal: '一', title: 'a', items: [{ title: 'b', body: '', tags: [], targets: [] }] }] })).statusCode).toBe(404);
    expect((await pidu.get(`/api/workplan/departments?orgId=${wuhouId}`)).statusCode).toBe(404);
  });

  it('serves attachments to the organizations above the uploader and to the plan\'s committee only', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 32)]);
    const upload = (client: Client, bytes: Buffer, name: string) => client.request({ method: 'POST', url: `/api/workplan/tasks/${taskId}/attachments?orgId=${wuhouId}`, payload: bytes, headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) } });
    const exe = await upload(wuhou, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]), '进展.pdf');
    expect(exe.statusCode).toBe(415);
    expect((await upload(pidu, pdf, '进展.pdf')).statusCode).toBe(404);
    const ok = await upload(wuhou, pdf, '三月进展.pdf');
    expect(ok.statusCode, ok.body).toBe(200);
    const id = ok.json().id;
    expect(ok.json()).toMatchObject({ fileName: '三月进展.pdf', contentType: 'application/pdf' });
    for (const [client, status] of [[wuhou, 200], [chengdu, 200], [province, 200], [pidu, 404], [secretary, 404]] as const) {
      expect((await client.get(`/api/workplan/attachments/${id}`)).statusCode, client.username).toBe(status);
    }
    // An upload no report uses can be deleted by its organization's side, not by others.
    const spare = (await upload(wuhou, pdf, '草稿.pdf')).json().id;
    expect((await pidu.request({ method: 'DELETE', url: `/api/workplan/attachments/${spare}` })).statusCode).toBe(404);
    expect((await wuhou.request({ method: 'DELETE', url: `/api/workplan/attachments/${spare}` })).statusCode).toBe(200);
    expect((await wuhou.get(`/api/workplan/attachments/${spare}`)).statusCode).toBe(404);
    // Another organization cannot attach it to its own report.
    const report = await province.post(`/api/workplan/tasks/${taskId}/reports`, { orgId: rootId, departmentId: null, kind: 'event', period: month, text: '省级进展', percent: 10, figures: [], attachmentIds: [id] });
    expect(report.statusCode).toBe(400);
    expect(report.json().error.fields[0]).toMatchObject({ field: 'attachmentIds[0]', code: 'unknown_attachment' });
    const used = await wuhou.post(`/api/workplan/tasks/${taskId}/reports`, { orgId: wuhouId, departmentId: null, kind: 'event', period: month, text: '附进展材料', percent: 20, figures: [], attachmentIds: [id] });
    expect(used.statusCode, used.body).toBe(200);
    expect(used.json().reports[0].attachments).toEqual([expect.objectContaining({ id, fileName: '三月进展.pdf' })]);
    const inReport = await wuhou.request({ method: 'DELETE', url: `/api/workplan/attachments/${id}` });
    expect(inReport.statusCode).toBe(409);
    expect(inReport.json().error.reason).toBe('in_report');
  });

  it('answers bad reports with the field at fault and stores nothing', async () => {
    const count = async () => Number((await t.db.selectFrom('plan_report').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const audit = async () => Number((await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = [await count(), await audit()];
    const base = { orgId: wuhouId, departmentId: null, kind: 'monthly', period: month, text: '进展', percent: null, figures: [], attachmentIds: [] };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, extra: 1 }, 400, ''],
      [{ ...base, percent: 101 }, 400, 'percent'],
      [{ ...base, period: `${year}-13` }, 400, 'period'],
      [{ ...base, period: `${year - 1}-12` }, 400, 'period'],
      [{ ...base, text: '   ' }, 400, 'text'],
      [{ ...base, kind: 'weekly' }, 400, 'kind'],
      [{ ...base, figures: [{ targetId: 999999, value: 1 }] }, 400, 'figures[0].targetId'],
      [{ ...base, departmentId: 1 }, 400, 'departmentId'],
    ];
    for (const [body, status, field] of cases) {
      const response = await wuhou.post(`/api/workplan/tasks/${taskId}/reports`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      const error = response.json().error;
      expect(error.code).toBe('VALIDATION_FAILED');
      if (field) expect(error.fields.map((f: { field: string }) => f.field).join(' '), JSON.stringify(body)).toContain(field);
      for (const f of error.fields) expect(f.message && f.messageEn, JSON.stringify(f)).toBeTruthy();
    }
    expect([await count(), await audit()]).toEqual(before);
  });

  it('records every write in the audit log', async () => {
    const actions = (await t.db.selectFrom('audit_log').select('action').where('action', 'like', 'workplan.%').execute()).map((a) => a.action);
    expect(new Set(actions)).toEqual(new Set(['workplan.create', 'workplan.assign', 'workplan.attachment.upload', 'workplan.attachment.delete', 'workplan.report']));
  });
});
