import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orgIdByName, type Client, type TestApp } from '../../../../test/helpers/test-app.ts';
import { accountAt } from '../../../../test/helpers/test-accounts.ts';
import { todayInChina } from '../../../platform/time/china-date.ts';

const SEED = path.resolve(import.meta.dirname, '../../../../../shared/seed/000_822da9a7e9b50668.txt');

type Board = { percent: number; sections: { id: number; percent: number; tasks: { id: number; title: string; progress: { percent: number; state: string; source: string } }[] }[] };

describe('工作要点 (work plan): import, assignment, reports, metrics, supervision', () => {
  let t: TestApp;
  let province: Client;
  let chengdu: Client;
  let wuhou: Client;
  let planId: number;
  let board: Board;
  let rootId: number;
  let chengduId: number;
  let mianyangId: number;
  let wuhouId: number;
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const month = today.slice(0, 7);
  const taskNamed = (title: string) => board.sections.flatMap((s) => s.tasks).find((x) => x.title.includes(title))!;

  beforeAll(async () => {
    t = await createTestApp();
    province = await t.login('sheng_admin');
    chengdu = await t.login('chengdu_admin');
    wuhou = await t.login('wuhou_admin');
    rootId = (await t.db.selectFrom('organization').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id;
    chengduId = await orgIdByName(t, '共青团成都市委');
    mianyangId = await orgIdByName(t, '共青团绵阳市委');
    wuhouId = await orgIdByName(t, '共青团武侯区委');
  });
  afterAll(async () => t?.close());

  it('parses the uploaded plan without writing anything, and creates it once confirmed', async () => {
    const bytes = await readFile(SEED);
    const parsed = await province.request({ method: 'POST', url: '/api/workplan/plans/parse', payload: bytes, headers: { 'content-type': 'text/plain', 'x-file-name': encodeURIComponent('2021年工作要点.txt') } });
    expect(parsed.statusCode, parsed.body).toBe(200);
    const { parse, fileName } = parsed.json();
    expect(fileName).toBe('2021年工作要点.txt');
    expect(parse.sections).toHaveLength(5);
    expect(parse.sections.reduce((n: number, s: { items: unknown[] }) => n + s.items.length, 0)).toBe(39);
    expect(await t.db.selectFrom('work_plan').select('id').execute()).toHaveLength(0);

    // The importer keeps every target found and confirms them.
    const sections = parse.sections.map((s: { ordinal: string; title: string; items: { title: string; body: string; tags: string[]; targets: object[] }[] }) => ({
      ordinal: s.ordinal, title: s.title,
      items: s.items.map((i) => ({ title: i.title, body: i.body, tags: i.tags, targets: i.targets.map((x) => ({ ...x, confirmed: true })) })),
    }));
    const created = await province.post('/api/workplan/plans', { orgId: rootId, year, title: parse.title, generalIdea: parse.generalIdea, sourceName: fileName, sections });
    expect(created.statusCode, created.body).toBe(200);
    board = created.json();
    planId = (board as unknown as { plan: { id: number } }).plan.id;
    expect(board.sections).toHaveLength(5);
    expect(board.percent).toBe(0);
    expect(await t.db.selectFrom('plan_target').select('id').where('status', '=', 'confirmed').execute()).toHaveLength(9);
    expect((await t.db.selectFrom('work_department').select('name').where('org_id', '=', rootId).execute()).map((d) => d.name)).toContain('青年发展部');
    const tags = await t.db.selectFrom('plan_task_tag').select('tag').execute();
    expect(tags.map((x) => x.tag)).toContain('青年大学习');

    const again = await province.post('/api/workplan/plans', { orgId: rootId, year, title: parse.title, generalIdea: '', sourceName: null, sections });
    expect(again.statusCode).toBe(409);
    expect(await t.db.selectFrom('work_plan').select('id').execute()).toHaveLength(1);
  });

  it('refuses a file that is not a plan document, naming what to upload', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const response = await province.request({ method: 'POST', url: '/api/workplan/plans/parse', payload: png, headers: { 'content-type': 'image/png' } });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('PLAN_DOCUMENT_UNREADABLE');
    expect(response.json().error.message).toMatch(/docx/);
  });

  it('cascades a task to cities with quotas; a city sees only its share and reports only for itself', async () => {
    const pilot = taskNamed('中长期青年发展规划');
    const detail = (await province.get(`/api/workplan/tasks/${pilot.id}`)).json();
    const counties = detail.targets.find((x: { value: number; unit: string }) => x.value === 37 && x.unit === '个');
    expect(counties).toBeDefined();
    const assigned = await province.post(`/api/workplan/tasks/${pilot.id}/assignments`, {
      parentAssignmentId: null, orgIds: [chengduId, mianyangId], note: '试点县分解',
      quotas: [{ orgId: chengduId, targetId: counties.id, quota: 20 }, { orgId: mianyangId, targetId: counties.id, quota: 17 }],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().assignments).toHaveLength(2);

    // 成都 sees the plan with this one task, and only its own assignment.
    const plans = (await chengdu.get('/api/workplan/plans')).json().items;
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ id: planId, owner: false, tasks: 1 });
    const cityBoard = (await chengdu.get(`/api/workplan/plans/${planId}`)).json();
    expect(cityBoard.sections.flatMap((s: { tasks: unknown[] }) => s.tasks)).toHaveLength(1);
    const cityView = (await chengdu.get(`/api/workplan/tasks/${pilot.id}`)).json();
    expect(cityView.assignments.map((a: { orgId: number }) => a.orgId)).toEqual([chengduId]);
    const other = taskNamed('青年大学习');
    expect((await chengdu.get(`/api/workplan/tasks/${other.id}`)).statusCode).toBe(404);

    // It reports for itself; not for 绵阳 nor for the province; it cannot change the task.
    const report = (orgId: number, value: number) => chengdu.post(`/api/workplan/tasks/${pilot.id}/reports`, {
      orgId, departmentId: null, kind: 'monthly', period: month, text: '已确定试点县', percent: null, figures: [{ targetId: counties.id, value }], attachmentIds: [],
    });
    expect((await report(mianyangId, 5)).statusCode).toBe(404);
    expect((await report(rootId, 5)).statusCode).toBe(404);
    expect((await chengdu.patch(`/api/workplan/tasks/${pilot.id}`, { weight: 2 })).statusCode).toBe(403);
    const ok = await report(chengduId, 5);
    expect(ok.statusCode, ok.body).toBe(200);
    const mine = ok.json().assignments[0];
    expect(mine.progress.targets[0]).toMatchObject({ goal: 20, current: 5, percent: 25 });

    // The province sees the cities' figures added up against 37.
    const provinceView = (await province.get(`/api/workplan/tasks/${pilot.id}`)).json();
    const rolled = provinceView.progress.targets.find((x: { targetId: number }) => x.targetId === counties.id);
    expect(rolled).toMatchObject({ goal: 37, current: 5, currentFrom: 'rollup', percent: 13 });
  });

  it('lets a city split its share to a county, which sees it and reports on it', async () => {
    const pilot = taskNamed('中长期青年发展规划');
    const cityView = (await chengdu.get(`/api/workplan/tasks/${pilot.id}`)).json();
    const mine = cityView.assignments[0];
    const target = cityView.targets.find((x: { value: number }) => x.value === 37);
    // Not at the top level, and not outside its own subtree.
    expect((await chengdu.post(`/api/workplan/tasks/${pilot.id}/assignments`, { parentAssignmentId: null, orgIds: [wuhouId], note: null, quotas: [] })).statusCode).toBe(403);
    expect((await chengdu.post(`/api/workplan/tasks/${pilot.id}/assignments`, { parentAssignmentId: mine.id, orgIds: [mianyangId], note: null, quotas: [] })).statusCode).toBe(404);
    const split = await chengdu.post(`/api/workplan/tasks/${pilot.id}/assignments`, { parentAssignmentId: mine.id, orgIds: [wuhouId], note: null, quotas: [{ orgId: wuhouId, targetId: target.id, quota: 3 }] });
    expect(split.statusCode, split.body).toBe(200);
    const countyView = (await wuhou.get(`/api/workplan/tasks/${pilot.id}`)).json();
    expect(countyView.assignments.map((a: { orgId: number }) => a.orgId)).toEqual([wuhouId]);
    expect(countyView.progress.targets[0]).toMatchObject({ goal: 3, current: null });
    // Reminders go down the chain: the province to 成都, 成都 to 武侯; 武侯 cannot remind itself, and 成都 is outside its view.
    expect((await province.post(`/api/workplan/tasks/${pilot.id}/remarks`, { kind: 'reminder', orgId: chengduId, text: '请按月报送' })).statusCode).toBe(200);
    expect((await wuhou.post(`/api/workplan/tasks/${pilot.id}/remarks`, { kind: 'reminder', orgId: wuhouId, text: 'x' })).statusCode).toBe(403);
    expect((await wuhou.post(`/api/workplan/tasks/${pilot.id}/remarks`, { kind: 'reminder', orgId: chengduId, text: 'x' })).statusCode).toBe(404);
    const reminded = await chengdu.post(`/api/workplan/tasks/${pilot.id}/remarks`, { kind: 'reminder', orgId: wuhouId, text: '请于月底前报送' });
    expect(reminded.statusCode, reminded.body).toBe(200);
    const reported = await wuhou.post(`/api/workplan/tasks/${pilot.id}/reports`, {
      orgId: wuhouId, departmentId: null, kind: 'event', period: month, text: '已申报', percent: 40, figures: [{ targetId: target.id, value: 1 }], attachmentIds: [],
    });
    expect(reported.statusCode, reported.body).toBe(200);
    const remarks = await t.db.selectFrom('plan_remark').select(['org_id', 'answered_at']).where('org_id', '=', wuhouId).execute();
    expect(remarks.every((r) => r.answered_at !== null)).toBe(true);

    // What each post may do here, as the writes check it.
    const cityDetail = (await chengdu.get(`/api/workplan/tasks/${pilot.id}`)).json();
    expect(cityDetail.rights).toMatchObject({ edit: false, report: true, evaluate: false, assignFrom: [mine.id] });
    expect(cityDetail.rights.reportingOrgIds.sort()).toEqual([chengduId, wuhouId].sort());
    const byOrg = Object.fromEntries(cityDetail.assignments.map((a: { orgId: number }) => [a.orgId, a]));
    expect(byOrg[wuhouId]).toMatchObject({ mayRemind: true, mayRemove: true, openReminders: 0 });
    expect(byOrg[chengduId]).toMatchObject({ mayRemind: false, mayRemove: false, openReminders: 1 });
    const provinceDetail = (await province.get(`/api/workplan/tasks/${pilot.id}`)).json();
    expect(provinceDetail.rights).toMatchObject({ edit: true, evaluate: true, assignFrom: [null] });
    expect(provinceDetail.assignments.every((a: { mayRemind: boolean }) => a.mayRemind)).toBe(true);
    // 成都's list and board say what waits for it: the province's reminder; its report for this month is in.
    const cityPlan = (await chengdu.get('/api/workplan/plans')).json().items[0];
    expect(cityPlan).toMatchObject({ openReminders: 1, reportsDueThisMonth: 0 });
    const cityTask = (await chengdu.get(`/api/workplan/plans/${planId}`)).json().sections.flatMap((x: { tasks: object[] }) => x.tasks)[0];
    expect(cityTask).toMatchObject({ remindersToOwnOrg: 1, reportedThisMonth: true, dueThisMonth: false });
    // 绵阳 has reported nothing: the task is due from it this month.
    const mianyang = await accountAt(t, 'mianyang_wp', mianyangId, 'committee_admin');
    expect((await mianyang.get('/api/workplan/plans')).json().items[0]).toMatchObject({ openReminders: 0, reportsDueThisMonth: 1 });
  });

  it('moves a section\'s progress when the committee reports on a task without targets', async () => {
    const study = taskNamed('青年大学习');
    const before = board.sections.find((s) => s.tasks.some((x) => x.id === study.id))!;
    const response = await province.post(`/api/workplan/tasks/${study.id}/reports`, {
      orgId: rootId, departmentId: null, kind: 'monthly', period: month, text: '本月覆盖面持续提升', percent: 60, figures: [], attachmentIds: [],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().progress).toMatchObject({ percent: 60, source: 'reported' });
    board = (await province.get(`/api/workplan/plans/${planId}`)).json();
    const after = board.sections.find((s) => s.id === before.id)!;
    expect(after.percent).toBe(Math.floor(60 / after.tasks.length));
    expect(after.percent).toBeGreaterThan(before.percent);
    expect(board.percent).toBeGreaterThan(0);
  });

  it('computes an indicator bound to a metric from live data and never asks for it', async () => {
    const task = taskNamed('推进基层团组织规范化建设');
    const added = await province.post(`/api/workplan/tasks/${task.id}/targets`, { label: '全省团组织数', value: 1_000_000, unit: '个', comparator: '>=', metricKey: 'orgs.active', weight: 1, confirmed: true });
    expect(added.statusCode, added.body).toBe(200);
    const target = added.json().targets.find((x: { label: string }) => x.label === '全省团组织数');
    const currentOf = async () => (await province.get(`/api/workplan/tasks/${task.id}`)).json().progress.targets.find((x: { targetId: number }) => x.targetId === target.id);
    const count = Number((await t.db.selectFrom('organization').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'active').executeTakeFirstOrThrow()).n);
    expect(await currentOf()).toMatchObject({ current: count, currentFrom: 'metric' });
    const org = await province.post('/api/orgs', { parentId: wuhouId, name: '工作要点测试团委', type: 'committee', kind: 'normal', industryCategory: 'other' });
    expect(org.statusCode, org.body).toBe(201);
    expect((await currentOf()).current).toBe(count + 1);

    const typed = await province.post(`/api/workplan/tasks/${task.id}/reports`, {
      orgId: rootId, departmentId: null, kind: 'monthly', period: month, text: '报数', percent: null, figures: [{ targetId: target.id, value: 5 }], attachmentIds: [],
    });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error.fields[0]).toMatchObject({ field: 'figures[0].value', code: 'computed' });
    // A count bound to a rate would compare unlike figures.
    const mismatch = await province.patch(`/api/workplan/targets/${target.id}`, { metricKey: 'transfers.graduateRate' });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.fields[0].code).toBe('unit_mismatch');
  });

  it('lists overdue and lagging work by department and by organization', async () => {
    const task = taskNamed('持续强化党风廉政建设');
    const departments = (await province.get(`/api/workplan/departments?orgId=${rootId}`)).json().items;
    const office = departments.find((d: { name: string }) => d.name === '办公室');
    const yesterday = new Date(Date.now() - 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const due = yesterday.startsWith(String(year)) ? yesterday : `${year}-01-01`;
    const set = await province.patch(`/api/workplan/tasks/${task.id}`, { dueOn: due, leadDepartmentId: office.id });
    expect(set.statusCode, set.body).toBe(200);
    const supervision = (await province.get(`/api/workplan/plans/${planId}/supervision`)).json();
    const item = supervision.items.find((i: { taskId: number; assignmentId: number | null }) => i.taskId === task.id && i.assignmentId === null);
    expect(item).toMatchObject({ state: 'overdue', leadDepartment: '办公室', mayRemind: false });
    const cityItems = supervision.items.filter((i: { orgId: number }) => i.orgId === chengduId || i.orgId === mianyangId);
    expect(cityItems.length).toBeGreaterThan(0);
    expect(cityItems.every((i: { mayRemind: boolean; parentAssignmentId: number | null }) => i.mayRemind && i.parentAssignmentId === null)).toBe(true);
    expect(supervision.byDepartment.find((g: { name: string }) => g.name === '办公室')).toMatchObject({ tasks: 1, overdue: 1 });
    expect(supervision.byOrg.map((g: { id: number }) => g.id).sort()).toEqual([chengduId, mianyangId].sort());
    // A city sees its own units only, no departments.
    const city = (await chengdu.get(`/api/workplan/plans/${planId}/supervision`)).json();
    expect(city.byDepartment).toEqual([]);
    expect(city.byOrg.map((g: { id: number }) => g.id).sort()).toEqual([chengduId, wuhouId].sort());
  });

  it('reads a Word upload the same way', async () => {
    const doc = new Document({ sections: [{ children: ['示例团委工作要点', '总体思路：稳中求进。', '一、服务青年', '——开展青年就业服务。举办招聘活动不少于20场。'].map((text) => new Paragraph({ children: [new TextRun(text)] })) }] });
    const bytes = await Packer.toBuffer(doc);
    const response = await province.request({ method: 'POST', url: '/api/workplan/plans/parse', payload: bytes, headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'x-file-name': encodeURIComponent('要点.docx') } });
    expect(response.statusCode, response.body).toBe(200);
    const item = response.json().parse.sections[0].items[0];
    expect(item).toMatchObject({ title: '开展青年就业服务', targets: [{ value: 20, unit: '场', comparator: '>=' }] });
  });

  it('weighs milestones when a task has no targets, and sections by their weight', async () => {
    const propaganda = taskNamed('不断提升共青团网络新媒体工作水平');
    const first = await province.post(`/api/workplan/tasks/${propaganda.id}/milestones`, { title: '完成账号清理', dueOn: `${year}-12-01` });
    expect(first.statusCode, first.body).toBe(200);
    await province.post(`/api/workplan/tasks/${propaganda.id}/milestones`, { title: '发布年度榜单', dueOn: `${year}-12-20` });
    const milestone = first.json().milestones.find((m: { title: string }) => m.title === '完成账号清理');
    const done = await province.patch(`/api/workplan/milestones/${milestone.id}`, { doneOn: today });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().progress).toMatchObject({ percent: 50, source: 'milestones' });
    expect((await province.patch(`/api/workplan/milestones/${milestone.id}`, { doneOn: '2999-01-01' })).statusCode).toBe(400);

    // Only the first section weighs: the plan's progress becomes that section's.
    board = (await province.get(`/api/workplan/plans/${planId}`)).json();
    for (const [i, section] of board.sections.entries()) {
      expect((await province.patch(`/api/workplan/sections/${section.id}`, { weight: i === 0 ? 1 : 0 })).statusCode).toBe(200);
    }
    board = (await province.get(`/api/workplan/plans/${planId}`)).json();
    expect(board.percent).toBe(board.sections[0]!.percent);
    for (const section of board.sections) await province.patch(`/api/workplan/sections/${section.id}`, { weight: 1 });
  });

  it('scores tasks at year end, by the plan\'s committee only', async () => {
    const study = taskNamed('青年大学习');
    const scored = await province.request({ method: 'PUT', url: `/api/workplan/tasks/${study.id}/evaluation`, payload: { score: 92, comment: '覆盖面提升明显' } });
    expect(scored.statusCode, scored.body).toBe(200);
    expect(scored.json().task.evaluation).toMatchObject({ score: 92, comment: '覆盖面提升明显', by: 'sheng_admin' });
    expect((await province.get(`/api/workplan/plans/${planId}`)).json().evaluation).toEqual({ scored: 1, averageScore: 92 });
    const pilot = taskNamed('中长期青年发展规划');
    expect((await chengdu.request({ method: 'PUT', url: `/api/workplan/tasks/${pilot.id}/evaluation`, payload: { score: 100, comment: null } })).statusCode).toBe(403);
    expect((await province.request({ method: 'PUT', url: `/api/workplan/tasks/${study.id}/evaluation`, payload: { score: 101, comment: null } })).statusCode).toBe(400);
  });

  it('exports the ledger each post may see', async () => {
    const read = async (client: Client) => {
      const response = await client.get(`/api/workplan/plans/${planId}/ledger.xlsx`);
      expect(response.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      return workbook.getWorksheet('工作台账')!;
    };
    const all = await read(province);
    expect(all.rowCount).toBe(1 + 39);
    expect(String(all.getRow(1).getCell(3).value)).toBe('任务');
    const city = await read(chengdu);
    expect(city.rowCount).toBe(2);
    expect(String(city.getRow(2).getCell(3).value)).toContain('中长期青年发展规划');
    // 最新进展: the latest report in view, 武侯区's after 成都's.
    expect(String(city.getRow(2).getCell(12).value)).toBe(`${month}：已申报`);
  });

  it('keeps a plan with reports: no delete, archive makes it read-only', async () => {
    expect((await province.request({ method: 'DELETE', url: `/api/workplan/plans/${planId}` })).statusCode).toBe(409);
    expect((await province.patch(`/api/workplan/plans/${planId}`, { status: 'archived' })).statusCode).toBe(200);
    const study = taskNamed('青年大学习');
    const late = await province.post(`/api/workplan/tasks/${study.id}/reports`, { orgId: rootId, departmentId: null, kind: 'event', period: month, text: 'x', percent: 70, figures: [], attachmentIds: [] });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.reason).toBe('archived');
    expect((await province.patch(`/api/workplan/plans/${planId}`, { status: 'active' })).statusCode).toBe(200);
  });
});
