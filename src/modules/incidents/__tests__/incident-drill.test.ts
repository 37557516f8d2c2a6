import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orgIdByName, type Client, type TestApp } from '../../../../test/helpers/test-app.ts';
import { HOURLY_LIMITS } from '../../../platform/alerts/hourly-limit.ts';

/** The usage counted against the hourly export limit (the one that raises export_rate). */
const EXPORT_USAGE = Object.entries(HOURLY_LIMITS).find(([, limit]) => limit.alert === 'export_rate')![0];

/**
 * 桌面演练 (DOMAIN §12 LAW-08): an account exports past the hourly limit, the alert it raises is
 * registered as an incident with one click, the facts PIPL Art. 57 requires are filled in, the
 * authority and the people affected are told, and the incident is closed — every step audited.
 */
describe('personal-data incident register: the tabletop drill (PIPL Art. 57)', () => {
  let t: TestApp;
  let county: Client;
  let security: Client;
  let auditor: Client;

  beforeAll(async () => {
    t = await createTestApp();
    county = await t.login('wuhou_admin');
    security = await t.login('anquan_admin');
    auditor = await t.login('shenji_admin');
  });
  afterAll(async () => t?.close());

  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
  const audited = async () => (await t.db.selectFrom('audit_log').select(['action', 'target_id', 'detail']).where('action', 'like', 'incident.%').orderBy('seq').execute());

  it('turns an export-rate alert into an incident, fills Art. 57, records the notices and closes it', async () => {
    // Detection: wuhou_admin has made nine exports this hour; the tenth goes through, the eleventh is refused and raises the alert.
    const user = await t.db.selectFrom('app_user').select('id').where('username', '=', 'wuhou_admin').executeTakeFirstOrThrow();
    await t.db.insertInto('usage_event').values(Array.from({ length: 9 }, () => ({ user_id: user.id, kind: EXPORT_USAGE, at: hoursAgo(0.5) }))).execute();
    expect((await county.get('/api/members/export.xlsx?q=__none__')).statusCode).toBe(200);
    expect((await county.get('/api/members/export.xlsx?q=__none__')).statusCode).toBe(429);
    const alerts = (await security.get('/api/security-alerts')).json().items as { id: number; kind: string; at: string }[];
    const alert = alerts.find((a) => a.kind === 'export_rate')!;
    expect(alert).toBeDefined();

    // One click: the alert's kind, account, time and organization fill the incident, and the alert is handled.
    const opened = await security.post(`/api/incidents/from-alert/${alert.id}`, {});
    expect(opened.statusCode).toBe(201);
    const incident = opened.json();
    expect(incident).toMatchObject({
      status: 'open', severity: 'ordinary', detectedAt: alert.at, orgId: await orgIdByName(t, '共青团武侯区委'), orgName: '共青团武侯区委',
      title: '安全告警：导出过于频繁（账号 wuhou_admin）', alerts: [{ id: alert.id, kind: 'export_rate', username: 'wuhou_admin', count: 11, limit: 10 }],
    });
    expect(incident.timeline).toEqual([expect.objectContaining({ kind: 'opened', at: alert.at, recordedBy: 'anquan_admin', note: expect.stringContaining('11次，上限10次') })]);
    expect(incident.missingForClose.map((m: { field: string }) => m.field)).toEqual(['piKinds', 'cause', 'harm', 'remedies', 'individualMeasures', 'contact', 'regulatorNotifiedAt', 'individualsNotifiedAt']);
    expect((await t.db.selectFrom('security_alert').select('acknowledged_by').where('id', '=', alert.id).executeTakeFirstOrThrow()).acknowledged_by).toBe('anquan_admin');
    // The same alert cannot open a second incident.
    const again = await security.post(`/api/incidents/from-alert/${alert.id}`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ incidentId: incident.id });
    expect(again.json().error.message).toContain(`编号${incident.id}`);

    // Assess: the facts the notice must state.
    const facts = {
      drill: true, severity: 'serious', piKinds: ['phone', 'name', 'identity_number'], involvesMinors: true, affectedEstimate: 120,
      cause: '武侯区团委管理员账号口令泄露，被他人在一小时内多次导出团员名册',
      harm: '姓名、证件号码和手机号码可能被用于电信诈骗或冒名办理业务',
      remedies: '已停用该账号并结束其全部会话，重置口令和验证器；已核查导出文件的去向',
      individualMeasures: '警惕自称团组织、要求转账或索要验证码的电话和短信；如发现证件被冒用，请向公安机关报案',
      contact: '共青团四川省委办公室 028-00000000（工作日 9:00–17:00）',
    };
    const updated = await security.patch(`/api/incidents/${incident.id}`, facts);
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ ...facts, piKinds: ['identity_number', 'phone', 'name'], reportDueByLaw: true });
    expect(updated.json().missingForClose.map((m: { field: string }) => m.field)).toEqual(['regulatorNotifiedAt', 'individualsNotifiedAt']);

    // Contain, then record the notices; minors' guardians must be told, so the Art. 57 ¶2 waiver is refused.
    const contained = await security.post(`/api/incidents/${incident.id}/contain`, { at: new Date().toISOString(), note: '停用账号 wuhou_admin，结束其会话' });
    expect(contained.statusCode).toBe(200);
    expect(contained.json().status).toBe('contained');
    const regulator = await security.post(`/api/incidents/${incident.id}/notices`, { audience: 'regulator', at: new Date().toISOString(), note: '书面报告送达四川省委网信办（演练）' });
    expect(regulator.json()).toMatchObject({ status: 'notified', regulatorNotifiedBy: 'anquan_admin', regulatorNotice: '书面报告送达四川省委网信办（演练）' });
    const waived = await security.post(`/api/incidents/${incident.id}/notices`, { audience: 'individuals', at: new Date().toISOString(), note: '已采取有效措施', exempt: true });
    expect(waived.statusCode).toBe(400);
    expect(waived.json().error.fields).toEqual([expect.objectContaining({ field: 'exempt', code: 'minors' })]);
    const people = await security.post(`/api/incidents/${incident.id}/notices`, { audience: 'individuals', at: new Date().toISOString(), note: '短信告知受影响团员，未成年人同时告知其监护人（演练）' });
    expect(people.statusCode).toBe(200);
    expect(people.json().missingForClose).toEqual([]);
    expect((await security.post(`/api/incidents/${incident.id}/timeline`, { at: new Date().toISOString(), note: '从备份核对导出记录，未发现数据被篡改' })).statusCode).toBe(200);

    const closed = await security.post(`/api/incidents/${incident.id}/close`, { note: '演练结束' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedBy: 'anquan_admin' });
    expect(closed.json().timeline.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'contained', 'notified_regulator', 'notified_individuals', 'note', 'closed']);
    // Closed: the facts are frozen, the timeline stays open for the review.
    expect((await security.patch(`/api/incidents/${incident.id}`, { cause: '改' })).statusCode).toBe(409);
    expect((await security.post(`/api/incidents/${incident.id}/timeline`, { at: new Date().toISOString(), note: '复盘：导出上限生效，告警及时' })).statusCode).toBe(200);

    // The auditor reads the whole record and sees each step in the audit log, without any personal numbers.
    const read = await auditor.get(`/api/incidents/${incident.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().timeline).toHaveLength(7);
    const log = await audited();
    expect(log.map((e) => e.action)).toEqual(['incident.open', 'incident.update', 'incident.contain', 'incident.notify', 'incident.notify', 'incident.timeline', 'incident.close', 'incident.timeline']);
    expect(log.every((e) => e.target_id === String(incident.id))).toBe(true);
    expect(JSON.stringify(log)).not.toMatch(/\d{11}/);
  });

  it('refuses to close without the Art. 57 facts and notices, naming each in Chinese and English, and changes nothing', async () => {
    const opened = await security.post('/api/incidents', { title: '纸质名册遗失', severity: 'ordinary', detectedAt: hoursAgo(5) });
    expect(opened.statusCode).toBe(201);
    const id = opened.json().id as number;
    const before = await t.db.selectFrom('incident').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const events = await t.db.selectFrom('incident_event').select('id').where('incident_id', '=', id).execute();
    const audits = (await audited()).length;

    const refused = await security.post(`/api/incidents/${id}/close`, {});
    expect(refused.statusCode).toBe(400);
    const error = refused.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields.map((f: { field: string }) => f.field)).toEqual(['piKinds', 'cause', 'harm', 'remedies', 'individualMeasures', 'contact', 'regulatorNotifiedAt', 'individualsNotifiedAt']);
    for (const field of error.fields as { message: string; messageEn: string }[]) {
      expect(field.message).toMatch(/[\u4e00-\u9fff]/);
      expect(field.messageEn).toMatch(/^[\x20-\x7e¶]+$/);
    }
    expect(error.fields[0].message).toContain('第五十七条');

    // Past the internal target, the list says the incident is overdue for containment and for the report.
    const listed = (await security.get('/api/incidents?status=open&q=名册遗失')).json();
    expect(listed.items).toEqual([expect.objectContaining({ id, containOverdue: true, reportOverdue: true, reportDueByLaw: false })]);
    expect(listed).toMatchObject({ containTargetHours: 1, reportHours: 4 });

    // With every fact but no notice to the people, and no reason given to waive it, the refusal names that one.
    await security.patch(`/api/incidents/${id}`, { piKinds: ['name'], cause: '会后遗失', harm: '姓名外泄', remedies: '已寻回', individualMeasures: '无需', contact: '办公室' });
    await security.post(`/api/incidents/${id}/notices`, { audience: 'regulator', at: new Date().toISOString(), note: '电话报告' });
    const once = await security.post(`/api/incidents/${id}/close`, {});
    expect(once.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['individualsNotifiedAt']);
    const after = await t.db.selectFrom('incident').select(['status', 'closed_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'notified', closed_at: null });
    expect(before.status).toBe('open');
    expect((await audited()).map((e) => e.action).slice(audits)).toEqual(['incident.update', 'incident.notify']);
    expect(await t.db.selectFrom('incident_event').select('id').where('incident_id', '=', id).execute()).toHaveLength(events.length + 1);
    // Containment written down after the report gets its time and leaves the status as reported.
    const contained = await security.post(`/api/incidents/${id}/contain`, { at: hoursAgo(4), note: '名册当天寻回' });
    expect(contained.json()).toMatchObject({ status: 'notified', containedAt: expect.any(String), containOverdue: false });

    // Art. 57 ¶2: remedies that avoid the harm let an incident without minors close without telling each person, with the reason recorded.
    const waived = await security.post(`/api/incidents/${id}/notices`, { audience: 'individuals', at: new Date().toISOString(), note: '名册已在当天寻回，未被他人翻阅', exempt: true });
    expect(waived.json()).toMatchObject({ individualsExemption: '名册已在当天寻回，未被他人翻阅', individualsNotifiedAt: null, missingForClose: [] });
    expect((await security.post(`/api/incidents/${id}/close`, {})).statusCode).toBe(200);
  });

  it('checks what it is given: times, kinds, organization, and the order of steps', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const bad = await security.post('/api/incidents', { title: ' ', severity: 'ordinary', detectedAt: future });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['detectedAt', 'title']);
    expect((await security.post('/api/incidents', { title: '测试', severity: 'ordinary', detectedAt: hoursAgo(1), piKinds: ['blood_type'] })).statusCode).toBe(400);
    expect((await security.post('/api/incidents', { title: '测试', severity: 'ordinary', detectedAt: 'yesterday' })).statusCode).toBe(400);
    const id = (await security.post('/api/incidents', { title: '测试事件', severity: 'ordinary', detectedAt: hoursAgo(1) })).json().id as number;
    const early = await security.post(`/api/incidents/${id}/timeline`, { at: hoursAgo(3), note: '早于发现时间的记录' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0]).toMatchObject({ field: 'at', code: 'before_detection' });
    expect((await security.post(`/api/incidents/${id}/contain`, { at: new Date().toISOString(), note: '已控制' })).statusCode).toBe(200);
    expect((await security.post(`/api/incidents/${id}/contain`, { at: new Date().toISOString(), note: '再次控制' })).statusCode).toBe(409);
    expect((await security.post(`/api/incidents/${id}/notices`, { audience: 'regulator', at: new Date().toISOString(), note: '报告', exempt: true })).statusCode).toBe(400);
    expect((await security.post(`/api/incidents/${id}/notices`, { audience: 'regulator', at: new Date().toISOString(), note: '报告' })).statusCode).toBe(200);
    expect((await security.post(`/api/incidents/${id}/notices`, { audience: 'regulator', at: new Date().toISOString(), note: '再报告' })).statusCode).toBe(409);
    expect((await security.patch(`/api/incidents/${id}`, { unknown: 1 })).statusCode).toBe(400);

    // A waiver recorded before minors were found among the people no longer lets it close; a real notice still can follow.
    const now = () => new Date().toISOString();
    expect((await security.post(`/api/incidents/${id}/notices`, { audience: 'individuals', at: now(), note: '已寻回', exempt: true })).statusCode).toBe(200);
    expect((await security.post(`/api/incidents/${id}/notices`, { audience: 'individuals', at: now(), note: '再次免于通知', exempt: true })).statusCode).toBe(409);
    const minors = await security.patch(`/api/incidents/${id}`, { involvesMinors: true });
    expect(minors.json().missingForClose).toContainEqual(expect.objectContaining({ field: 'individualsNotifiedAt', message: expect.stringContaining('监护人') }));
    const told = await security.post(`/api/incidents/${id}/notices`, { audience: 'individuals', at: now(), note: '电话告知监护人' });
    expect(told.statusCode).toBe(200);
    expect(told.json().missingForClose.map((m: { field: string }) => m.field)).not.toContain('individualsNotifiedAt');
  });
});
