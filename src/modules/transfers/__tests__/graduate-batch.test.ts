import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orgIdByName, type Client, type TestApp } from '../../../../test/helpers/test-app.ts';
import { accountAt } from '../../../../test/helpers/test-accounts.ts';

describe('毕业生批次 and the graduate transfer rate', () => {
  let t: TestApp;
  let province: Client;
  let school: Client;
  let schoolOrg: { id: number; path: string; name: string };
  let target: number;
  let graduates: { id: number; name: string }[];
  let batchId: number;
  const year = 2026;

  const transfers = async () => (await t.db.selectFrom('transfer').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

  beforeAll(async () => {
    t = await createTestApp();
    province = await t.login('sheng_admin');
    const wuhou = await t.db.selectFrom('organization').select('path').where('id', '=', await orgIdByName(t, '共青团武侯区委')).executeTakeFirstOrThrow();
    const graduateBranch = await t.db.selectFrom('organization').select(['id', 'parent_id']).where('kind', '=', 'graduate').where('path', 'like', `${wuhou.path}%`).executeTakeFirstOrThrow();
    schoolOrg = await t.db.selectFrom('organization').select(['id', 'path', 'name']).where('id', '=', graduateBranch.parent_id!).executeTakeFirstOrThrow();
    graduates = await t.db.selectFrom('member').select(['id', 'name']).where('org_id', '=', graduateBranch.id).where('status', '=', 'normal').orderBy('id').execute();
    expect(graduates.length).toBeGreaterThanOrEqual(4);
    school = await accountAt(t, 'school_admin', schoolOrg.id, 'committee_admin');
    const pidu = await t.db.selectFrom('organization').select('path').where('id', '=', await orgIdByName(t, '共青团郫都区委')).executeTakeFirstOrThrow();
    target = (await t.db.selectFrom('organization').select('id').where('type', '=', 'branch').where('kind', '=', 'normal').where('path', 'like', `${pidu.path}%`).orderBy('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t?.close());

  it('opens a batch with every member of the graduating branches, once per school and year', async () => {
    const opened = await school.post('/api/transfers/graduate-batches', { schoolOrgId: schoolOrg.id, year });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().members).toBe(graduates.length);
    batchId = opened.json().id;
    expect((await school.post('/api/transfers/graduate-batches', { schoolOrgId: schoolOrg.id, year })).statusCode).toBe(409);
    const branch = (await t.db.selectFrom('organization').select('id').where('parent_id', '=', schoolOrg.id).where('type', '=', 'branch').executeTakeFirstOrThrow()).id;
    expect((await school.post('/api/transfers/graduate-batches', { schoolOrgId: branch, year: 2027 })).statusCode).toBe(400);
    const company = await orgIdByName(t, '共青团郫都区委');
    expect((await school.post('/api/transfers/graduate-batches', { schoolOrgId: company, year })).statusCode).toBe(404);
    const list = (await school.get('/api/transfers/graduate-batches')).json().items;
    expect(list[0]).toMatchObject({ id: batchId, graduates: graduates.length, settled: 0, unassigned: graduates.length, rate: 0 });
  });

  it('refuses a whole assignment when one row cannot go, naming the row', async () => {
    const before = await transfers();
    const stranger = (await t.db.selectFrom('member').select('id').where('org_path', 'not like', `${schoolOrg.path}%`).orderBy('id').executeTakeFirstOrThrow()).id;
    const notInBatch = await school.post(`/api/transfers/graduate-batches/${batchId}/assignments`, { assignments: [
      { memberId: graduates[0]!.id, destination: 'employment', toOrgId: target }, { memberId: stranger, destination: 'abroad' },
    ] });
    expect(notInBatch.statusCode).toBe(400);
    expect(notInBatch.json().error.fields[0]).toMatchObject({ field: 'assignments.1', code: 'not_in_batch' });
    const badTarget = await school.post(`/api/transfers/graduate-batches/${batchId}/assignments`, { assignments: [
      { memberId: graduates[0]!.id, destination: 'employment', toOrgId: schoolOrg.id },
    ] });
    expect(badTarget.statusCode).toBe(400);
    expect(badTarget.json().error.fields[0]).toMatchObject({ field: 'assignments.0.toOrgId', code: 'not_an_active_branch' });
    expect(await transfers()).toBe(before);
    expect((await school.get('/api/transfers/graduate-batches')).json().items[0].unassigned).toBe(graduates.length);
  });

  it('starts transfers for the placed, settles those kept at the school, and counts the rate live', async () => {
    const [employed, abroad, unemployed, , selfApplied] = graduates;
    const assigned = await school.post(`/api/transfers/graduate-batches/${batchId}/assignments`, { assignments: [
      { memberId: employed!.id, destination: 'employment', toOrgId: target },
      { memberId: abroad!.id, destination: 'abroad' },
      { memberId: unemployed!.id, destination: 'unemployed' },
    ] });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toEqual({ transfers: 1, retained: 2 });
    const rate = async () => (await province.get(`/api/transfers/graduate-rate?year=${year}&orgId=${schoolOrg.id}`)).json().org;
    expect(await rate()).toMatchObject({ graduates: graduates.length, settled: 2, retained: 2, inTransfer: 1 });
    // The transfer runs through its stages; the rate moves when it completes.
    const transfer = (await school.get(`/api/transfers?batchId=${batchId}`)).json().items[0];
    expect(transfer).toMatchObject({ initiatedBy: 'school', memberId: employed!.id });
    let current = transfer;
    while (current.status === 'pending') current = (await province.post(`/api/transfers/${current.id}/decision`, { action: 'approve' })).json();
    expect(current.status).toBe('completed');
    expect(await rate()).toMatchObject({ settled: 3, inTransfer: 0 });
    // A graduate who applies on their own still counts for the batch.
    const own = await school.post('/api/transfers', { memberId: selfApplied!.id, scopeKind: 'within', reason: 'further_study', toOrgId: target });
    expect(own.json().batchId).toBe(batchId);
    const listed = (await school.get(`/api/transfers/graduate-batches/${batchId}/graduates?state=in_transfer`)).json().items;
    expect(listed.map((g: { memberId: number }) => g.memberId)).toEqual([selfApplied!.id]);
    const settledList = (await school.get(`/api/transfers/graduate-batches/${batchId}/graduates?state=settled`)).json();
    expect(settledList.total).toBe(3);
    // Up the tree: the county and the city include the school's graduates; the province shows the target.
    const city = (await province.get(`/api/transfers/graduate-rate?year=${year}&orgId=${await orgIdByName(t, '共青团成都市委')}`)).json();
    const wuhouRow = city.children.find((c: { name: string }) => c.name === '共青团武侯区委');
    expect(wuhouRow).toMatchObject({ graduates: graduates.length, settled: 3 });
    expect(wuhouRow.meetsTarget).toBe(3 / graduates.length >= 0.9);
    expect(city.targetPercent).toBe(90);
    expect(city.org.graduates).toBe(city.children.reduce((s: number, c: { graduates: number }) => s + c.graduates, 0));
    expect((await province.get(`/api/transfers/graduate-rate?year=2025`)).json().org.rate).toBeNull();
  });
});
