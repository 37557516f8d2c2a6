import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orgIdByName, type TestApp } from '../../../test/helpers/test-app.ts';
import { accountAt } from '../../../test/helpers/test-accounts.ts';
import { rebuildMemberStats } from '../../modules/members/stats/rebuild-member-stats.ts';
import { seedDemoActivity } from '../demo-activity.ts';

describe('the demo\'s work under way', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoActivity(t.db, t);
  });
  afterAll(async () => t?.close());

  it('has applicants at several steps, transfers at several stages, a graduate batch and an open evaluation', async () => {
    expect((await t.db.selectFrom('applicant').select('step').orderBy('step').execute()).map((a) => a.step)).toEqual([1, 3, 6, 8]);
    expect((await t.db.selectFrom('transfer').select('status').where('batch_id', 'is', null).orderBy('id').execute()).map((r) => r.status)).toEqual(['pending', 'returned', 'completed']);
    expect(await t.db.selectFrom('graduate_batch').select('status').execute()).toEqual([{ status: 'open' }]);
    expect(await t.db.selectFrom('evaluation_cycle').select('status').execute()).toEqual([{ status: 'open' }]);
    // The county's to-do shows the pre-review and the approval waiting for it.
    const county = await t.login('wuhou_admin');
    const todo = (await county.get('/api/todo')).json().items as { kind: string; count: number }[];
    expect(todo.find((i) => i.kind === 'admission_decisions')?.count).toBe(2);
    expect(todo.find((i) => i.kind === 'transfer_decisions')?.count).toBeGreaterThanOrEqual(1);
  });

  it('has this year\'s work plan cascaded and partly reported, with the figures it binds read live', async () => {
    const province = await t.login('sheng_admin');
    const plans = (await province.get('/api/workplan/plans')).json().items;
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ owner: true, tasks: 9 });
    const board = (await province.get(`/api/workplan/plans/${plans[0].id}`)).json();
    expect(board.sections).toHaveLength(3);
    expect(board.percent).toBeGreaterThan(0);
    const lecture = board.sections.flatMap((s: { tasks: { id: number; title: string }[] }) => s.tasks).find((x: { title: string }) => x.title.includes('宣讲'));
    const detail = (await province.get(`/api/workplan/tasks/${lecture.id}`)).json();
    expect(detail.assignments.map((a: { orgName: string }) => a.orgName)).toEqual(expect.arrayContaining(['共青团成都市委', '共青团武侯区委']));
    // 成都 reported 52 of its 120; the province adds up its cities' figures.
    const sessions = detail.targets.find((x: { unit: string }) => x.unit === '场次');
    expect(detail.progress.targets.find((x: { targetId: number }) => x.targetId === sessions.id)).toMatchObject({ goal: 300, current: 52 });
    const bound = await t.db.selectFrom('plan_target').select('metric_key').where('metric_key', 'is not', null).execute();
    expect(bound.map((b) => b.metric_key).sort()).toEqual(['admission.admitted', 'transfers.graduateRate']);
    // 绵阳 has the reminder and the report due in its to-do.
    const mianyang = await accountAt(t, 'mianyang_plan', await orgIdByName(t, '共青团绵阳市委'), 'committee_admin');
    const todo = (await mianyang.get('/api/todo')).json().items as { kind: string; count: number }[];
    expect(todo.find((i) => i.kind === 'workplan_reminders')?.count).toBe(1);
    expect(todo.find((i) => i.kind === 'workplan_reports_due')?.count).toBe(1);
  });

  it('leaves the counters equal to a recount', async () => {
    const read = () => t.db.selectFrom('member_stat').select(['org_id', 'dimension', 'bucket', 'n']).where('n', '!=', 0).orderBy('org_id').orderBy('dimension').orderBy('bucket').execute();
    const maintained = await read();
    await rebuildMemberStats(t.db);
    expect(await read()).toEqual(maintained);
  });
});
