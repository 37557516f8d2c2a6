import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orgIdByName, type Client, type TestApp } from '../../../../test/helpers/test-app.ts';
import { accountAt } from '../../../../test/helpers/test-accounts.ts';
import { rebuildMemberStats } from '../../members/stats/rebuild-member-stats.ts';
import { expireTransfers } from '../expire-transfers.ts';
import { rebuildResponseStats } from '../response-counters.ts';

type Org = { id: number; path: string; parent_id: number | null };

describe('组织关系转接 (transfers)', () => {
  let t: TestApp;
  let province: Client;
  let wuhou: Client;
  let sender: Client; // the demo secretary of branch A (武侯区)
  let senderParent: Client; // an admin at A's parent
  let receiver: Client; // secretary of branch B (郫都区)
  let receiverParent: Client; // an admin at B's parent
  let branchA: Org;
  let branchB: Org;

  const org = (id: number) => t.db.selectFrom('organization').select(['id', 'path', 'parent_id']).where('id', '=', id).executeTakeFirstOrThrow();
  const memberRow = (id: number) => t.db.selectFrom('member').select(['id', 'org_id', 'org_path', 'status', 'is_active']).where('id', '=', id).executeTakeFirstOrThrow();
  /** Members of branch A in good standing with no open transfer, one per test. */
  const freeMember = async () => {
    const row = await t.db.selectFrom('member').select('id').where('org_id', '=', branchA.id).where('status', '=', 'normal')
      .where('id', 'not in', (eb) => eb.selectFrom('transfer').select('member_id')).orderBy('id').executeTakeFirstOrThrow();
    return row.id;
  };
  const start = (client: Client, memberId: number, body: Record<string, unknown> = {}) =>
    client.post('/api/transfers', { memberId, scopeKind: 'within', reason: 'employment', toOrgId: branchB.id, ...body });
  const decide = (client: Client, id: number, action: string, reason?: string) => client.post(`/api/transfers/${id}/decision`, { action, reason });
  const todo = async (client: Client) => (await client.get('/api/transfers?box=todo&pageSize=200')).json().items.map((x: { id: number }) => x.id);

  beforeAll(async () => {
    t = await createTestApp();
    province = await t.login('sheng_admin');
    wuhou = await t.login('wuhou_admin');
    sender = await t.login('zhishu_demo');
    const me = (await sender.get('/api/auth/me')).json();
    branchA = await org(me.posts.find((p: { id: number }) => p.id === me.currentPostId).orgId);
    const pidu = await t.db.selectFrom('organization').select('path').where('id', '=', await orgIdByName(t, '共青团郫都区委')).executeTakeFirstOrThrow();
    branchB = await t.db.selectFrom('organization').select(['id', 'path', 'parent_id']).where('type', '=', 'branch').where('status', '=', 'active')
      .where('path', 'like', `${pidu.path}%`).orderBy('id').executeTakeFirstOrThrow();
    senderParent = await accountAt(t, 'a_parent', branchA.parent_id!, 'committee_admin');
    receiver = await accountAt(t, 'b_secretary', branchB.id, 'branch_secretary');
    receiverParent = await accountAt(t, 'b_parent', branchB.parent_id!, 'committee_admin');
  });
  afterAll(async () => t?.close());

  it('says what each caller may do with a transfer, names the parents, and finds it by id', async () => {
    const memberId = await freeMember();
    const transfer = (await start(sender, memberId)).json();
    const can = async (client: Client) => (await client.get(`/api/transfers/${transfer.id}`)).json().can;
    // Waiting at A's parent: it may approve or return (and, standing over the sending branch, withdraw as the applicant's side);
    // the sender may only withdraw; the receiver may do nothing yet.
    expect(await can(senderParent)).toEqual({ decide: ['approve', 'return'], appeal: false, withdraw: true });
    expect(await can(receiver)).toEqual({ decide: [], appeal: false, withdraw: false });
    expect(await can(sender)).toEqual({ decide: [], appeal: false, withdraw: true });
    expect(await decide(senderParent, transfer.id, 'return', '请补充材料')).toMatchObject({ statusCode: 200 });
    expect(await can(sender)).toEqual({ decide: [], appeal: true, withdraw: true });
    expect((await can(senderParent)).decide).toEqual([]);
    const listed = (await sender.get(`/api/transfers?id=${transfer.id}`)).json();
    expect(listed.total).toBe(1);
    const parentName = (await t.db.selectFrom('organization').select('name').where('id', '=', branchA.parent_id!).executeTakeFirstOrThrow()).name;
    expect(listed.items[0].fromOrg).toMatchObject({ id: branchA.id, parentName });
    expect((await sender.post(`/api/transfers/${transfer.id}/withdraw`, { reason: '不再转出' })).statusCode).toBe(200);
    expect(await can(sender)).toEqual({ decide: [], appeal: false, withdraw: false });
  });

  it('runs the four stages in order, each deciding only at its own organization, and moves the member only at the end', async () => {
    const memberId = await freeMember();
    const started = await start(sender, memberId);
    expect(started.statusCode, started.body).toBe(200);
    const transfer = started.json();
    // The sending branch started it, so its own stage is already approved.
    expect(transfer).toMatchObject({ status: 'pending', stageIndex: 1, stages: ['out_branch', 'out_parent', 'in_branch', 'in_parent'], currentOrg: { id: branchA.parent_id } });
    expect(transfer.stageOrgs.map((o: { id: number }) => o.id)).toEqual([branchA.id, branchA.parent_id, branchB.id, branchB.parent_id]);

    // Not yet the receiving side's turn: its queues are empty and a decision answers 404.
    expect(await todo(receiver)).not.toContain(transfer.id);
    expect((await decide(receiver, transfer.id, 'approve')).statusCode).toBe(404);
    expect((await decide(receiverParent, transfer.id, 'approve')).statusCode).toBe(404);
    expect(await todo(senderParent)).toContain(transfer.id);
    // The receiving branch already sees it coming.
    const incoming = (await receiver.get('/api/transfers?box=incoming&pageSize=200')).json().items.map((x: { id: number }) => x.id);
    expect(incoming).toContain(transfer.id);

    expect((await decide(senderParent, transfer.id, 'approve')).json()).toMatchObject({ stageIndex: 2, currentOrg: { id: branchB.id } });
    expect((await decide(senderParent, transfer.id, 'approve')).statusCode).toBe(404);
    expect((await memberRow(memberId)).org_id).toBe(branchA.id);
    expect((await decide(receiver, transfer.id, 'approve')).json()).toMatchObject({ stageIndex: 3, currentOrg: { id: branchB.parent_id } });
    expect((await memberRow(memberId)).org_id).toBe(branchA.id);
    const done = (await decide(receiverParent, transfer.id, 'approve')).json();
    expect(done).toMatchObject({ status: 'completed', currentOrg: null });
    expect(done.events.map((e: { action: string }) => e.action)).toEqual(['submit', 'approve', 'approve', 'approve', 'approve', 'complete']);
    expect(await memberRow(memberId)).toMatchObject({ org_id: branchB.id, org_path: branchB.path, status: 'normal' });
    const history = (await receiver.get(`/api/members/${memberId}/status-history`)).json().items;
    expect(history[0]).toMatchObject({ kind: 'transfer' });
    // The receiving branch now holds the member; the sender no longer sees them.
    expect((await receiver.get(`/api/members/${memberId}`)).statusCode).toBe(200);
    expect((await sender.get(`/api/members/${memberId}`)).statusCode).toBe(404);
    // Counters of both sides equal a recount.
    const stat = () => t.db.selectFrom('member_stat').select(['org_id', 'dimension', 'bucket', 'n']).where('n', '!=', 0).orderBy('org_id').orderBy('dimension').orderBy('bucket').execute();
    const maintained = await stat();
    await rebuildMemberStats(t.db);
    expect(await stat()).toEqual(maintained);
  });

  it('returns with a reason, takes an appeal with evidence, and ends on a rejected appeal', async () => {
    const memberId = await freeMember();
    const id = (await start(sender, memberId)).json().id;
    expect((await decide(senderParent, id, 'return')).statusCode).toBe(400); // no reason
    const returned = (await decide(senderParent, id, 'return', '转入单位信息不全')).json();
    expect(returned).toMatchObject({ status: 'returned', stageIndex: 1 });
    expect((await decide(senderParent, id, 'approve')).statusCode).toBe(409);
    expect((await sender.post(`/api/transfers/${id}/appeal`, { evidence: '' })).statusCode).toBe(400);
    const appealed = (await sender.post(`/api/transfers/${id}/appeal`, { evidence: '已补充劳动合同复印件' })).json();
    expect(appealed.status).toBe('appealed');
    expect(await todo(senderParent)).toContain(id);
    expect((await decide(senderParent, id, 'accept_appeal')).json()).toMatchObject({ status: 'pending', stageIndex: 2 });
    // The receiving branch returns it; this time the appeal fails and the transfer ends.
    await decide(receiver, id, 'return', '本支部不接收');
    await sender.post(`/api/transfers/${id}/appeal`, { evidence: '单位确认在该社区' });
    const rejected = (await decide(receiver, id, 'reject_appeal', '经核实不属于本支部')).json();
    expect(rejected).toMatchObject({ status: 'rejected', currentOrg: null });
    expect((await memberRow(memberId)).org_id).toBe(branchA.id);
    // Closed: a new transfer may start.
    expect((await start(sender, memberId)).statusCode).toBe(200);
  });

  it('lets the applicant withdraw at any open stage but not after the end', async () => {
    const memberId = await freeMember();
    const id = (await start(sender, memberId)).json().id;
    await decide(senderParent, id, 'approve');
    expect((await receiver.post(`/api/transfers/${id}/withdraw`, { reason: '不想转' })).statusCode).toBe(404); // not the applicant
    const withdrawn = (await sender.post(`/api/transfers/${id}/withdraw`, { reason: '工作单位有变' })).json();
    expect(withdrawn).toMatchObject({ status: 'withdrawn', currentOrg: null });
    expect((await sender.post(`/api/transfers/${id}/withdraw`, { reason: '工作单位有变' })).statusCode).toBe(409);
    expect((await decide(receiver, id, 'approve')).statusCode).toBe(404);
  });

  it('expires unfinished transfers at every stage and changes no member', async () => {
    const ids: number[] = [];
    const members: number[] = [];
    for (let stage = 1; stage <= 3; stage++) {
      const memberId = await freeMember();
      members.push(memberId);
      const id = (await start(sender, memberId)).json().id;
      ids.push(id);
      if (stage >= 2) await decide(senderParent, id, 'approve');
      if (stage >= 3) await decide(receiver, id, 'approve');
    }
    // One returned and one appealed as well.
    const returnedMember = await freeMember();
    const returned = (await start(sender, returnedMember)).json().id;
    await decide(senderParent, returned, 'return', '材料不全');
    ids.push(returned);
    members.push(returnedMember);
    expect(await expireTransfers(t.db, t, new Date())).toBe(0);
    // 升学 expires after 30 days, the others after 90.
    const study = (await start(sender, await freeMember(), { reason: 'further_study' })).json();
    expect(Date.parse(study.expiresAt) - Date.parse(study.createdAt)).toBeCloseTo(30 * 86_400_000, -4);
    ids.push(study.id);
    const later = new Date(Date.now() + 91 * 86_400_000);
    expect(await expireTransfers(t.db, t, later)).toBeGreaterThanOrEqual(ids.length);
    for (const id of ids) expect((await province.get(`/api/transfers/${id}`)).json()).toMatchObject({ status: 'expired', currentOrg: null });
    for (const m of members) expect((await memberRow(m)).org_id).toBe(branchA.id);
  });

  it('refuses what the rules forbid, saying which rule, and changes nothing', async () => {
    const memberId = await freeMember();
    const before = await t.db.selectFrom('transfer').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const cases: [Promise<{ statusCode: number; json: () => { error: { code: string; fields?: { field: string; code: string }[]; reason?: string } } }>, number, string][] = [
      [start(sender, memberId, { toOrgId: branchA.id }), 400, 'same_branch'],
      [start(sender, memberId, { toOrgId: branchB.parent_id }), 400, 'not_an_active_branch'],
      [start(sender, memberId, { toOrgId: undefined }), 400, 'required'],
      [start(sender, memberId, { reason: 'other' }), 400, 'required'],
      [start(sender, memberId, { scopeKind: 'outside', toOrgId: undefined }), 400, 'required'],
      [start(sender, memberId, { reason: 'marriage' }), 400, ''],
      [start(receiver, memberId), 404, ''],
    ];
    for (const [promise, status, code] of cases) {
      const response = await promise;
      expect(response.statusCode).toBe(status);
      if (code) expect(response.json().error.fields!.map((f) => f.code)).toContain(code);
    }
    expect(await t.db.selectFrom('transfer').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual(before);
    // One open transfer per member.
    expect((await start(sender, memberId)).statusCode).toBe(200);
    const again = await start(sender, memberId);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('TRANSFER_REFUSED');
    // A member leaving the League cannot be transferred.
    const leaving = await freeMember();
    await t.db.updateTable('member').set({ status: 'withdrawn_pending' }).where('id', '=', leaving).execute();
    expect((await start(sender, leaving)).statusCode).toBe(409);
  });

  it('decides one way only when two approvers click at once', async () => {
    const id = (await start(sender, await freeMember())).json().id;
    const results = await Promise.all([decide(senderParent, id, 'approve'), decide(wuhou, id, 'approve')]);
    const codes = results.map((r) => r.statusCode).sort();
    // The loser is told the transfer changed (409), or, when the first approval already moved it to a
    // stage outside the loser's scope before the second request read it, that it is not there (404).
    expect(codes[0]).toBe(200);
    expect([404, 409]).toContain(codes[1]);
    const events = (await province.get(`/api/transfers/${id}`)).json().events.filter((e: { action: string }) => e.action === 'approve');
    expect(events.length).toBe(2); // the sending branch's own, and one of the two clicks
  });

  it('records a decision by a post above the stage as on behalf of it', async () => {
    const id = (await start(sender, await freeMember())).json().id;
    const decided = (await decide(wuhou, id, 'approve')).json();
    expect(decided.events.at(-1)).toMatchObject({ action: 'approve', onBehalf: true, actorUsername: 'wuhou_admin' });
  });

  it('takes a member out of the province after the sending side agrees', async () => {
    const memberId = await freeMember();
    const id = (await start(sender, memberId, { scopeKind: 'outside', toOrgId: undefined, outsideDestination: '重庆市渝中区某公司团支部' })).json().id;
    const done = (await decide(senderParent, id, 'approve')).json();
    expect(done).toMatchObject({ status: 'completed', stages: ['out_branch', 'out_parent'] });
    expect(await memberRow(memberId)).toMatchObject({ status: 'transferred_out', is_active: 0, org_id: branchA.id });
  });

  it('sends 参军 to the province\'s 特殊单位专属库', async () => {
    const memberId = await freeMember();
    const started = (await start(sender, memberId, { reason: 'military', toOrgId: undefined })).json();
    const library = await t.db.selectFrom('organization').select(['id', 'name', 'kind', 'parent_id']).where('id', '=', started.toOrg.id).executeTakeFirstOrThrow();
    expect(library).toMatchObject({ kind: 'special', name: '特殊单位团员专属库' });
    await decide(senderParent, started.id, 'approve');
    await decide(province, started.id, 'approve');
    expect((await decide(province, started.id, 'approve')).json().status).toBe('completed');
    expect((await memberRow(memberId)).org_id).toBe(library.id);
    // A second such transfer reuses the library.
    const next = (await start(sender, await freeMember(), { reason: 'classified', toOrgId: undefined })).json();
    expect(next.toOrg.id).toBe(library.id);
  });

  it('lets the receiving organization start a transfer when it knows the ID number and the name', async () => {
    const memberId = await freeMember();
    const row = await t.db.selectFrom('member').select(['name', 'id_number_enc']).where('id', '=', memberId).executeTakeFirstOrThrow();
    const idNumber = t.cipher.decrypt(row.id_number_enc);
    const wrongName = await receiver.post('/api/transfers/incoming', { idNumber, name: `${row.name}x`, toOrgId: branchB.id, reason: 'employment' });
    expect(wrongName.statusCode).toBe(404);
    expect((await receiver.post('/api/transfers/incoming', { idNumber, name: row.name, toOrgId: branchA.id, reason: 'employment' })).statusCode).toBe(404); // not its branch
    const started = await receiver.post('/api/transfers/incoming', { idNumber, name: row.name, toOrgId: branchB.id, reason: 'employment' });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ initiatedBy: 'in_org', stageIndex: 0, currentOrg: { id: branchA.id } });
    // The receiving side is the applicant: it may withdraw, the sender may not.
    expect((await sender.post(`/api/transfers/${started.json().id}/withdraw`, { reason: '误操作' })).statusCode).toBe(404);
    expect((await receiver.post(`/api/transfers/${started.json().id}/withdraw`, { reason: '误操作' })).statusCode).toBe(200);
  });

  it('lets a member apply for their own transfer and see it', async () => {
    const me = await t.login('tuanyuan_demo');
    const own = await me.post('/api/me/transfers', { scopeKind: 'within', reason: 'further_study', toOrgId: branchB.id });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ initiatedBy: 'member', stageIndex: 0 });
    expect((await me.get('/api/me/transfers')).json().items[0].id).toBe(own.json().id);
    expect(await todo(sender)).toContain(own.json().id);
    expect((await me.post(`/api/me/transfers/${own.json().id}/withdraw`, { reason: '暂不转接' })).json().status).toBe('withdrawn');
  });

  it('counts decisions within 48 hours and lets waiting past it count as late', async () => {
    const id = (await start(sender, await freeMember())).json().id;
    // This one has waited three days at the sending parent.
    await t.db.updateTable('transfer').set({ stage_since: new Date(Date.now() - 72 * 3_600_000).toISOString() }).where('id', '=', id).execute();
    const parent = await t.db.selectFrom('organization').select(['id', 'name']).where('id', '=', branchA.parent_id!).executeTakeFirstOrThrow();
    const before = (await wuhou.get(`/api/transfers/response-stats?orgId=${parent.id}`)).json().org;
    expect(before.overdueOpen).toBeGreaterThanOrEqual(1);
    await decide(senderParent, id, 'approve');
    const after = (await wuhou.get(`/api/transfers/response-stats?orgId=${parent.id}`)).json().org;
    expect(after.decided).toBe(before.decided + 1);
    expect(after.onTime).toBe(before.onTime); // answered after 72 hours
    expect(after.overdueOpen).toBe(before.overdueOpen - 1);
    expect(after.rate).toBeLessThan(1);
    const listed = (await senderParent.get(`/api/transfers/${id}`)).json().events.at(-1);
    expect(listed.responseMinutes).toBeGreaterThanOrEqual(72 * 60);
  });

  it('keeps the response counters equal to a recount, also after a subtree with decisions moves', async () => {
    const read = () => t.db.selectFrom('transfer_response_stat').select(['org_id', 'decided', 'on_time']).where('decided', '!=', 0).orderBy('org_id').execute();
    const maintained = await read();
    expect(maintained.length).toBeGreaterThan(0);
    await rebuildResponseStats(t.db);
    expect(await read()).toEqual(maintained);
    // The sending branch's parent (with its decisions) moves under 郫都区: its counts leave 武侯区 and join 郫都区.
    const parent = await org(branchA.parent_id!);
    const piduId = await orgIdByName(t, '共青团郫都区委');
    const count = async (id: number) => Number((await t.db.selectFrom('transfer_response_stat').select('decided').where('org_id', '=', id).executeTakeFirst())?.decided ?? 0);
    const [moved, wuhouBefore, piduBefore] = [await count(parent.id), await count(parent.parent_id!), await count(piduId)];
    expect(moved).toBeGreaterThan(0);
    const move = await province.post(`/api/orgs/${parent.id}/move`, { newParentId: piduId });
    expect(move.statusCode, move.body).toBe(200);
    expect([await count(parent.parent_id!), await count(piduId)]).toEqual([wuhouBefore - moved, piduBefore + moved]);
    const afterMove = await read();
    await rebuildResponseStats(t.db);
    expect(await read()).toEqual(afterMove);
    expect((await province.post(`/api/orgs/${parent.id}/move`, { newParentId: parent.parent_id })).statusCode).toBe(200);
  });

  it('finds receiving branches anywhere in the province with the names above them', async () => {
    const found = (await sender.get(`/api/transfers/destinations?q=${encodeURIComponent('团支部')}`)).json().items;
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].parentNames.length).toBeGreaterThan(0);
    expect((await (await t.login('shenji_admin')).get('/api/transfers/destinations?q=x')).statusCode).toBe(403);
  });
});
