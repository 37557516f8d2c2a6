import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
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

  it('leaves the counters equal to a recount', async () => {
    const read = () => t.db.selectFrom('member_stat').select(['org_id', 'dimension', 'bucket', 'n']).where('n', '!=', 0).orderBy('org_id').orderBy('dimension').orderBy('bucket').execute();
    const maintained = await read();
    await rebuildMemberStats(t.db);
    expect(await read()).toEqual(maintained);
  });
});
