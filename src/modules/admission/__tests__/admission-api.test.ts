import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orgIdByName, type Client, type TestApp } from '../../../../test/helpers/test-app.ts';
import { makeResidentId } from '../../members/resident-id.ts';
import { todayInChina, yearsBefore } from '../../../platform/time/china-date.ts';

/** A date `days` after `date`. */
const plus = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('团员发展 (admission)', () => {
  let t: TestApp;
  let province: Client;
  let county: Client; // 武侯区: the committee above the demo branch
  let secretary: Client;
  let branchId: number;
  let branchMembers: number[];
  let sequence = 100;
  const today = todayInChina();
  const start = plus(today, -200);
  const year = Number(plus(start, 190).slice(0, 4));
  /** The day each step happens, in order, far enough apart for every minimum. */
  const day = { applied: start, activistNotice: plus(start, 1), activist: plus(start, 8), training: plus(start, 20), contacts: plus(start, 25),
    observation: plus(start, 8 + 95), candidateNotice: plus(start, 105), candidate: plus(start, 112), preReview: plus(start, 120), vote: plus(start, 130),
    newNotice: plus(start, 131), approval: plus(start, 140), ceremony: plus(start, 150) };

  const apply = async (orgId = branchId, overrides: Record<string, unknown> = {}) => {
    sequence++;
    return secretary.post('/api/admission/applicants', {
      orgId, name: '申请人', idType: 'resident', idNumber: makeResidentId('510107', '2008-06-01', sequence, sequence % 2 ? 'male' : 'female'),
      ethnicity: '01', occupation: 'student', source: 'points', score: 88, appliedOn: day.applied, ...overrides,
    });
  };
  const notice = (id: number, kind: string, startOn: string, days = 5, extra: Record<string, unknown> = {}) =>
    secretary.post(`/api/admission/applicants/${id}/notices`, { kind, startOn, endOn: plus(startOn, days - 1), ...extra });
  const step = (client: Client, id: number, body: Record<string, unknown>) => client.post(`/api/admission/applicants/${id}/steps`, body);
  /** The valid request for each step. */
  const valid = (n: number): [Client, Record<string, unknown>] => {
    switch (n) {
      case 2: return [secretary, { step: 2, onDate: day.activist }];
      case 3: return [secretary, { step: 3, onDate: day.training, trainingHours: 8 }];
      case 4: return [secretary, { step: 4, onDate: day.contacts, contactMemberIds: branchMembers.slice(0, 2) }];
      case 5: return [secretary, { step: 5, onDate: day.observation, observationReport: '思想积极，学习认真，参加志愿服务二十小时。' }];
      case 6: return [secretary, { step: 6, onDate: day.candidate }];
      case 7: return [county, { step: 7, onDate: day.preReview, sponsorMemberIds: branchMembers.slice(0, 2) }];
      case 8: return [secretary, { step: 8, onDate: day.vote, vote: { present: branchMembers.length, inFavour: branchMembers.length, against: 0, abstain: 0 } }];
      case 9: return [county, { step: 9, onDate: day.approval }];
      default: return [secretary, { step: 10, onDate: day.ceremony }];
    }
  };
  /** Take an applicant through every step up to `last`, with the notices each needs. */
  const walk = async (id: number, last: number) => {
    for (let n = 2; n <= last; n++) {
      if (n === 2) expect((await notice(id, 'activist', day.activistNotice)).statusCode).toBe(200);
      if (n === 6) expect((await notice(id, 'candidate', day.candidateNotice)).statusCode).toBe(200);
      if (n === 9) expect((await notice(id, 'new_member', day.newNotice)).statusCode).toBe(200);
      const [client, body] = valid(n);
      const response = await step(client, id, body);
      expect(response.statusCode, `step ${n}: ${response.body}`).toBe(200);
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    province = await t.login('sheng_admin');
    county = await t.login('wuhou_admin');
    secretary = await t.login('zhishu_demo');
    const me = (await secretary.get('/api/auth/me')).json();
    branchId = me.posts.find((p: { id: number }) => p.id === me.currentPostId).orgId;
    branchMembers = (await t.db.selectFrom('member').select('id').where('org_id', '=', branchId).where('status', '=', 'normal').orderBy('id').execute()).map((m) => m.id);
    // The year's plan: the province's total and numbers, passed down to 成都 and 武侯区.
    const root = (await t.db.selectFrom('organization').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id;
    const chengdu = await orgIdByName(t, '共青团成都市委');
    const wuhou = await orgIdByName(t, '共青团武侯区委');
    for (const [orgId, quota] of [[root, 1000], [chengdu, 100], [wuhou, 10]] as const) {
      expect((await t.app.inject({ method: 'PUT', url: '/api/admission/quotas', cookies: {}, payload: {} })).statusCode).toBe(401);
      const set = await province.request({ method: 'PUT', url: '/api/admission/quotas', payload: { year, orgId, quota } });
      expect(set.statusCode, set.body).toBe(204);
    }
    expect((await province.post('/api/admission/number-ranges', { year, orgId: root, size: 100000 })).json()).toEqual({ firstNo: year * 1e8 + 1, lastNo: year * 1e8 + 100000 });
    expect((await province.post('/api/admission/number-ranges', { year, orgId: chengdu, size: 1000 })).json().firstNo).toBe(year * 1e8 + 1);
    expect((await province.post('/api/admission/number-ranges', { year, orgId: wuhou, size: 100 })).json()).toEqual({ firstNo: year * 1e8 + 1, lastNo: year * 1e8 + 100 });
  });
  afterAll(async () => t?.close());

  it('takes an applicant through the ten steps and makes a member with the next 团员编号 at approval', async () => {
    const created = await apply();
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ step: 1, nextStep: 2, noticeNeeded: 'activist', idNumberMasked: expect.stringMatching(/\*/) });
    await walk(id, 8);
    expect((await t.db.selectFrom('applicant').select('member_id').where('id', '=', id).executeTakeFirstOrThrow()).member_id).toBeNull();
    await walk9(id);
    const approved = (await county.get(`/api/admission/applicants/${id}`)).json();
    expect(approved).toMatchObject({ step: 9, status: 'admitted', developmentNumber: String(year * 1e8 + 1) });
    const member = await t.db.selectFrom('member').selectAll().where('id', '=', approved.memberId).executeTakeFirstOrThrow();
    expect(member).toMatchObject({ org_id: branchId, development_number: String(year * 1e8 + 1), joined_league_on: day.approval.slice(0, 7), political_status: 'league_member', status: 'normal' });
    expect((await step(secretary, id, { step: 10, onDate: day.ceremony })).json()).toMatchObject({ step: 10, nextStep: null });
    expect(approved.steps.map((s: { step: number }) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(approved.steps.every((s: { actorUsername: string }) => s.actorUsername.length > 0)).toBe(true);
    // The plan counts it at every level, and the county's range shows one number used.
    const plan = (await province.get(`/api/admission/plan?year=${year}&orgId=${await orgIdByName(t, '共青团成都市委')}`)).json();
    expect(plan.org).toMatchObject({ quota: 100, issued: 1, childrenQuota: 10, numbers: 1000, numbersDelegated: 100, numbersUsed: 1 });
    expect(plan.children.find((c: { name: string }) => c.name === '共青团武侯区委')).toMatchObject({ quota: 10, issued: 1, numbers: 100, numbersUsed: 1 });
    // Each row says whether the caller may set it: the province sets 成都 and its counties; 武侯 sets only below itself.
    expect([plan.org.mayPlan, ...plan.children.map((c: { mayPlan: boolean }) => c.mayPlan)].every(Boolean)).toBe(true);
    const own = (await county.get(`/api/admission/plan?year=${year}&orgId=${await orgIdByName(t, '共青团武侯区委')}`)).json();
    expect(own.org.mayPlan).toBe(false);
    expect(own.children.length).toBeGreaterThan(0);
    expect(own.children.every((c: { mayPlan: boolean }) => c.mayPlan)).toBe(true);
  });
  const walk9 = async (id: number) => {
    expect((await notice(id, 'new_member', day.newNotice)).statusCode).toBe(200);
    const approved = await step(county, id, { step: 9, onDate: day.approval });
    expect(approved.statusCode, approved.body).toBe(200);
  };

  it('refuses a skipped step, a notice not yet run, open objections, and says which rule blocks', async () => {
    const id = (await apply()).json().id;
    const skipped = await step(secretary, id, { step: 3, onDate: day.training, trainingHours: 8 });
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json().error).toMatchObject({ code: 'ADMISSION_REFUSED', reason: 'wrong_step' });
    expect(skipped.json().error.message).toContain('确定为入团积极分子');
    expect((await step(secretary, id, { step: 2, onDate: day.activist })).json().error.reason).toBe('notice_missing');
    expect((await notice(id, 'activist', day.activistNotice, 4)).statusCode).toBe(400); // 4 days is too short
    expect((await notice(id, 'candidate', day.activistNotice)).json().error.reason).toBe('notice_out_of_place');
    // A notice ending on the step's own day has not run its course.
    await notice(id, 'activist', plus(day.activist, -4));
    expect((await step(secretary, id, { step: 2, onDate: day.activist })).json().error.reason).toBe('notice_not_ended');
    const withObjection = await notice(id, 'activist', day.activistNotice, 5, { objections: '有群众反映该生近期违反校纪' });
    const noticeId = withObjection.json().notices.at(-1).id;
    expect((await step(secretary, id, { step: 2, onDate: day.activist })).json().error.reason).toBe('objections_open');
    expect((await secretary.post(`/api/admission/notices/${noticeId}/objections`, { objections: '经核实系误传', objectionsResolved: true })).statusCode).toBe(200);
    expect((await step(secretary, id, { step: 2, onDate: day.activist })).statusCode).toBe(200);
  });

  it('refuses every minimum cut short, field by field, and changes nothing', async () => {
    const id = (await apply()).json().id;
    await walk(id, 2);
    const before = await t.db.selectFrom('applicant').select(['step', 'facts']).where('id', '=', id).executeTakeFirstOrThrow();
    const bad: [Record<string, unknown>, string, string][] = [
      [{ step: 3, onDate: day.training, trainingHours: 6 }, 'trainingHours', 'below_minimum'],
      [{ step: 3, onDate: plus(day.activist, -1), trainingHours: 8 }, 'onDate', 'before_previous'],
      [{ step: 3, onDate: plus(today, 1), trainingHours: 8 }, 'onDate', 'in_future'],
    ];
    for (const [body, field, code] of bad) {
      const response = await step(secretary, id, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.fields.find((f: { field: string }) => f.field === field)?.code, JSON.stringify(body)).toBe(code);
    }
    expect(await t.db.selectFrom('applicant').select(['step', 'facts']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual(before);
    await walk3to(id, 3);
    const stranger = (await t.db.selectFrom('member').select('id').where('org_id', '!=', branchId).executeTakeFirstOrThrow()).id;
    expect((await step(secretary, id, { step: 4, onDate: day.contacts, contactMemberIds: branchMembers.slice(0, 3) })).json().error.fields[0].code).toBe('wrong_count');
    expect((await step(secretary, id, { step: 4, onDate: day.contacts, contactMemberIds: [stranger] })).json().error.fields[0].code).toBe('not_a_member');
    await walk3to(id, 4);
    expect((await step(secretary, id, { step: 5, onDate: plus(day.activist, 80), observationReport: '表现良好，积极参加团的活动。' })).json().error.fields[0].code).toBe('observation_too_short');
    await walk3to(id, 6);
    // Pre-review belongs above the branch.
    expect((await step(secretary, id, { step: 7, onDate: day.preReview, sponsorMemberIds: branchMembers.slice(0, 2) })).statusCode).toBe(403);
    expect((await step(county, id, { step: 7, onDate: day.preReview, sponsorMemberIds: branchMembers.slice(0, 1) })).json().error.fields[0].code).toBe('wrong_count');
    await walk3to(id, 7);
    const n = branchMembers.length;
    const quorum = Math.floor(n / 2);
    expect((await step(secretary, id, { step: 8, onDate: day.vote, vote: { present: quorum, inFavour: quorum, against: 0, abstain: 0 } })).json().error.fields[0].code).toBe('no_quorum');
    expect((await step(secretary, id, { step: 8, onDate: day.vote, vote: { present: n, inFavour: Math.floor(n / 2), against: n - Math.floor(n / 2), abstain: 0 } })).json().error.fields[0].code).toBe('not_passed');
    expect((await step(secretary, id, { step: 8, onDate: day.vote, vote: { present: n, inFavour: n, against: 1, abstain: 0 } })).json().error.fields[0].code).toBe('tally_exceeds_present');
  });
  /** Complete steps from the applicant's current one up to `last`, with valid input. */
  const walk3to = async (id: number, last: number) => {
    const current = (await secretary.get(`/api/admission/applicants/${id}`)).json().step as number;
    for (let n = current + 1; n <= last; n++) {
      if (n === 6) await notice(id, 'candidate', day.candidateNotice);
      const [client, body] = valid(n);
      expect((await step(client, id, body)).statusCode, `step ${n}`).toBe(200);
    }
  };

  it('checks the applicant: age at applying, already a member, one application at a time', async () => {
    expect((await apply(branchId, { idNumber: makeResidentId('510107', '2015-01-01', 7, 'male') })).json().error.fields[0].code).toBe('age_out_of_range');
    // A member young enough to apply (15 to 27 today), applying today.
    const memberRow = await t.db.selectFrom('member').select('id_number_enc').where('org_id', '=', branchId).where('id_type', '=', 'resident')
      .where('birth_date', '<=', yearsBefore(today, 15)).where('birth_date', '>', yearsBefore(today, 27)).orderBy('id').executeTakeFirstOrThrow();
    expect((await apply(branchId, { idNumber: t.cipher.decrypt(memberRow.id_number_enc), appliedOn: today })).json().error.fields[0].code).toBe('already_member');
    const idNumber = makeResidentId('510107', '2009-02-02', 900, 'female');
    expect((await apply(branchId, { idNumber })).statusCode).toBe(200);
    expect((await apply(branchId, { idNumber })).json().error.reason).toBe('already_applying');
  });

  it('refuses an approval beyond the quota, and never gives one number twice when approvals race', async () => {
    const [a, b, c] = [(await apply()).json().id, (await apply()).json().id, (await apply()).json().id];
    for (const id of [a, b, c]) {
      await walk(id, 8);
      expect((await notice(id, 'new_member', day.newNotice)).statusCode).toBe(200);
    }
    const results = await Promise.all([a, b].map((id) => step(county, id, { step: 9, onDate: day.approval })));
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const numbers = results.map((r) => r.json().developmentNumber);
    expect(new Set(numbers).size).toBe(2);
    // The county's quota of 10 is now what it has admitted: the next approval is refused.
    const issued = (await province.get(`/api/admission/plan?year=${year}&orgId=${await orgIdByName(t, '共青团武侯区委')}`)).json().org.issued;
    await province.request({ method: 'PUT', url: '/api/admission/quotas', payload: { year, orgId: await orgIdByName(t, '共青团武侯区委'), quota: issued } });
    const refused = await step(county, c, { step: 9, onDate: day.approval });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.reason).toBe('quota_exhausted');
    expect((await t.db.selectFrom('applicant').select(['step', 'member_id']).where('id', '=', c).executeTakeFirstOrThrow())).toEqual({ step: 8, member_id: null });
    // A quota below what was admitted, or above the parent's, is refused.
    expect((await province.request({ method: 'PUT', url: '/api/admission/quotas', payload: { year, orgId: await orgIdByName(t, '共青团武侯区委'), quota: issued - 1 } })).json().error.fields[0].code).toBe('below_issued');
    expect((await province.request({ method: 'PUT', url: '/api/admission/quotas', payload: { year, orgId: await orgIdByName(t, '共青团武侯区委'), quota: 101 } })).json().error.fields[0].code).toBe('over_parent');
    // A county cannot set its own quota.
    expect((await county.request({ method: 'PUT', url: '/api/admission/quotas', payload: { year, orgId: await orgIdByName(t, '共青团武侯区委'), quota: 50 } })).statusCode).toBe(403);
  });

  it('warns before an approval takes a school over its 团青比 cap, and approves when confirmed', async () => {
    const wuhou = await t.db.selectFrom('organization').select('path').where('id', '=', await orgIdByName(t, '共青团武侯区委')).executeTakeFirstOrThrow();
    const klass = await t.db.selectFrom('organization').select(['id', 'parent_id']).where('path', 'like', `${wuhou.path}%`).where('name', 'like', '高二（1）班团支部').executeTakeFirstOrThrow();
    const school = (await t.db.selectFrom('organization').select('parent_id').where('id', '=', klass.parent_id!).executeTakeFirstOrThrow()).parent_id!;
    await province.request({ method: 'PUT', url: '/api/admission/quotas', payload: { year, orgId: await orgIdByName(t, '共青团武侯区委'), quota: 100 } });
    const members = Number((await t.db.selectFrom('member').innerJoin('organization', 'organization.id', 'member.org_id').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('member.org_path', 'like', `${(await t.db.selectFrom('organization').select('path').where('id', '=', school).executeTakeFirstOrThrow()).path}%`)
      .where('organization.industry_category', '=', 'senior_high').where('member.is_active', '=', 1).executeTakeFirstOrThrow()).n);
    // Youth so that the school sits exactly at 30%: one more member goes over.
    const youth = Math.ceil((members * 100) / 30);
    expect((await county.request({ method: 'PUT', url: '/api/admission/youth-counts', payload: { orgId: school, stage: 'senior_high', youth } })).statusCode).toBe(204);
    const klassMembers = (await t.db.selectFrom('member').select('id').where('org_id', '=', klass.id).where('status', '=', 'normal').execute()).map((m) => m.id);
    const schoolSecretary = county; // the county acts for the class branch throughout
    sequence++;
    const created = await schoolSecretary.post('/api/admission/applicants', {
      orgId: klass.id, name: '高二学生', idType: 'resident', idNumber: makeResidentId('510107', '2009-03-03', sequence, 'female'),
      ethnicity: '01', occupation: 'student', source: 'pioneer_recommendation', appliedOn: day.applied,
    });
    const id = created.json().id;
    const n = klassMembers.length;
    const saved = branchMembers;
    branchMembers = klassMembers;
    try {
      for (let s = 2; s <= 8; s++) {
        if (s === 2) await county.post(`/api/admission/applicants/${id}/notices`, { kind: 'activist', startOn: day.activistNotice, endOn: plus(day.activistNotice, 4) });
        if (s === 6) await county.post(`/api/admission/applicants/${id}/notices`, { kind: 'candidate', startOn: day.candidateNotice, endOn: plus(day.candidateNotice, 4) });
        const [, body] = valid(s);
        const response = await step(county, id, s === 8 ? { ...body, vote: { present: n, inFavour: n, against: 0, abstain: 0 } } : body);
        expect(response.statusCode, `step ${s}: ${response.body}`).toBe(200);
      }
    } finally {
      branchMembers = saved;
    }
    await county.post(`/api/admission/applicants/${id}/notices`, { kind: 'new_member', startOn: day.newNotice, endOn: plus(day.newNotice, 4) });
    const warned = await step(county, id, { step: 9, onDate: day.approval });
    expect(warned.statusCode).toBe(409);
    expect(warned.json().error).toMatchObject({ code: 'ADMISSION_RATIO_WARNING', ratio: { capPercent: 30, youth } });
    const confirmed = await step(county, id, { step: 9, onDate: day.approval, confirmRatio: true });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const ratios = (await county.get(`/api/admission/ratios?orgId=${school}`)).json();
    const senior = ratios.org.stages.find((s: { stage: string }) => s.stage === 'senior_high');
    expect(senior).toMatchObject({ members: members + 1, youth, capPercent: 30 });
    expect(senior.percent).toBeGreaterThan(30);
  });

  it('keeps applicants of another county out of reach', async () => {
    const id = (await apply()).json().id;
    const pidu = await t.db.selectFrom('organization').select('id').where('id', '=', await orgIdByName(t, '共青团郫都区委')).executeTakeFirstOrThrow();
    const { accountAt } = await import('../../../../test/helpers/test-accounts.ts');
    const other = await accountAt(t, 'pidu_admission', pidu.id, 'committee_admin');
    for (const response of await Promise.all([
      other.get(`/api/admission/applicants/${id}`),
      other.post(`/api/admission/applicants/${id}/steps`, { step: 2, onDate: day.activist }),
      other.post(`/api/admission/applicants/${id}/notices`, { kind: 'activist', startOn: day.activistNotice, endOn: plus(day.activistNotice, 4) }),
      other.post(`/api/admission/applicants/${id}/stop`, { reason: '越权终止' }),
      other.get(`/api/admission/applicants?orgId=${branchId}`),
    ])) expect(response.statusCode).toBe(404);
    expect((await other.get('/api/admission/applicants')).json().items.map((a: { id: number }) => a.id)).not.toContain(id);
    // a 公示 of 武侯区 cannot be printed from 郫都区 either
    const notice = await t.db.selectFrom('admission_notice').select('id').orderBy('id').executeTakeFirstOrThrow();
    expect((await other.get(`/api/admission/notices/${notice.id}/publication.xlsx`)).statusCode).toBe(404);
    const wuhou = await orgIdByName(t, '共青团武侯区委');
    for (const response of await Promise.all([
      other.get(`/api/admission/plan?year=${year}&orgId=${wuhou}`),
      other.get(`/api/admission/ratios?orgId=${wuhou}`),
      other.request({ method: 'PUT', url: '/api/admission/quotas', payload: { year, orgId: branchId, quota: 1 } }),
      other.post('/api/admission/number-ranges', { year, orgId: branchId, size: 1 }),
      other.request({ method: 'PUT', url: '/api/admission/youth-counts', payload: { orgId: branchId, stage: 'senior_high', youth: 1 } }),
    ])) expect(response.statusCode).toBe(404);
  });

  it('has every admission endpoint in the scope checks above', () => {
    const registered = t.app.routeList.filter((r) => r.url.startsWith('/api/admission')).map((r) => `${r.method} ${r.url}`);
    expect(new Set(registered)).toEqual(new Set([
      'GET /api/admission/meta', 'GET /api/admission/applicants', 'GET /api/admission/applicants/:id', 'POST /api/admission/applicants',
      'POST /api/admission/applicants/:id/steps', 'POST /api/admission/applicants/:id/stop', 'POST /api/admission/applicants/:id/notices',
      'POST /api/admission/notices/:id/objections', 'GET /api/admission/plan', 'PUT /api/admission/quotas', 'POST /api/admission/number-ranges',
      'PUT /api/admission/youth-counts', 'GET /api/admission/ratios', 'GET /api/admission/notices/:id/publication.xlsx',
    ]));
  });
});
