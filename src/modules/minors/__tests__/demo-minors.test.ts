import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { rule } from '../../../platform/rules/rules.ts';
import { seedDemoActivity } from '../../../seed/demo-activity.ts';

/** The demo shows the flow: its minors are labelled and one request waits for 成都市委. */
describe('minors in the demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoActivity(t.db, t);
  });
  afterAll(async () => t?.close());

  it('labels the school members under 18 and puts one waiting request in 成都市委\'s 待办', async () => {
    expect(rule('minors.sensitiveAge')).toBe(18);
    const county = await t.login('wuhou_admin');
    const list = (await county.get('/api/members?pageSize=200&sort=birthDate&order=desc')).json().items as { id: number; labels: string[]; age: number }[];
    const labelled = list.filter((m) => m.labels.includes('MINOR_SENSITIVE'));
    expect(labelled.length).toBeGreaterThan(3);
    expect(labelled.every((m) => m.age < 18)).toBe(true);
    expect((await county.get(`/api/members/${labelled[0]!.id}`)).json().error.code).toBe('APPROVAL_REQUIRED');
    // The demo's applicants (born 2009) are minors too: their records carry the label.
    const applicants = (await county.get('/api/admission/applicants?pageSize=50')).json().items as { labels: string[] }[];
    expect(applicants.length).toBe(4);
    expect(applicants.every((a) => a.labels.includes('MINOR_SENSITIVE'))).toBe(true);
    const city = await t.login('chengdu_admin');
    const todo = (await city.get('/api/todo')).json().items as { kind: string; count: number }[];
    expect(todo.find((i) => i.kind === 'minor_access_approvals')?.count).toBe(1);
  });
});
