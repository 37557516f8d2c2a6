import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orgIdByName, type Client, type TestApp } from './helpers/test-app.ts';

/** Bad requests get a 4xx with a machine code and per-field messages, and change nothing. */
describe('organization bad input', () => {
  let t: TestApp;
  let admin: Client;
  let county: number;
  let branch: number;
  let committee: number;

  const snapshot = async () => ({
    orgs: await t.db.selectFrom('organization').selectAll().orderBy('id').execute(),
    audit: await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  });
  const valid = () => ({ parentId: county, name: '测试团支部', type: 'branch', kind: 'normal', industryCategory: 'other' });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('sheng_admin');
    county = await orgIdByName(t, '共青团武侯区委');
    committee = (await t.db.selectFrom('organization').select('id').where('parent_id', '=', county).where('type', '=', 'committee').executeTakeFirstOrThrow()).id;
    branch = (await t.db.selectFrom('organization').select('id').where('path', 'like', `%/${county}/%`).where('type', '=', 'branch').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t?.close());

  type Case = { name: string; send: () => Promise<{ statusCode: number; json: () => any }>; status: number; code: string; fields?: string[] };
  const cases = (): Case[] => [
    {
      name: 'malformed JSON',
      send: () => admin.request({ method: 'POST', url: '/api/orgs', headers: { 'content-type': 'application/json' }, payload: '{"parentId": 1, "name": ' }),
      status: 400, code: 'MALFORMED_REQUEST',
    },
    { name: 'unknown field', send: () => admin.post('/api/orgs', { ...valid(), isAdmin: true }), status: 400, code: 'VALIDATION_FAILED', fields: ['isAdmin'] },
    { name: 'wrong types', send: () => admin.post('/api/orgs', { ...valid(), parentId: '12', name: 42, termYears: '3' }), status: 400, code: 'VALIDATION_FAILED', fields: ['parentId', 'name', 'termYears'] },
    { name: 'missing required fields', send: () => admin.post('/api/orgs', { parentId: county }), status: 400, code: 'VALIDATION_FAILED', fields: ['name', 'type', 'kind', 'industryCategory'] },
    { name: 'over-long name', send: () => admin.post('/api/orgs', { ...valid(), name: '团'.repeat(101) }), status: 400, code: 'VALIDATION_FAILED', fields: ['name'] },
    { name: 'unknown enumeration value', send: () => admin.post('/api/orgs', { ...valid(), type: 'party' }), status: 400, code: 'VALIDATION_FAILED', fields: ['type'] },
    { name: 'invalid region code (format)', send: () => admin.post('/api/orgs', { ...valid(), regionCode: '51010' }), status: 400, code: 'VALIDATION_FAILED', fields: ['regionCode'] },
    { name: 'invalid region code (not in Sichuan)', send: () => admin.post('/api/orgs', { ...valid(), regionCode: '110101' }), status: 400, code: 'VALIDATION_FAILED', fields: ['regionCode'] },
    { name: 'impossible date', send: () => admin.post('/api/orgs', { ...valid(), foundedOn: '2021-02-30' }), status: 400, code: 'VALIDATION_FAILED', fields: ['foundedOn'] },
    { name: 'future election date', send: () => admin.post('/api/orgs', { ...valid(), lastElectionOn: '2999-01-01' }), status: 400, code: 'VALIDATION_FAILED', fields: ['lastElectionOn'] },
    { name: 'term out of range', send: () => admin.post('/api/orgs', { ...valid(), termYears: 0 }), status: 400, code: 'VALIDATION_FAILED', fields: ['termYears'] },
    { name: 'bad phone', send: () => admin.post('/api/orgs', { ...valid(), contactPhone: '12345' }), status: 400, code: 'VALIDATION_FAILED', fields: ['contactPhone'] },
    { name: 'SQL in name', send: () => admin.post('/api/orgs', { ...valid(), name: "x'); DROP TABLE organization; --" }), status: 400, code: 'VALIDATION_FAILED', fields: ['name'] },
    { name: 'HTML in name', send: () => admin.post('/api/orgs', { ...valid(), name: '<script>alert(1)</script>团支部' }), status: 400, code: 'VALIDATION_FAILED', fields: ['name'] },
    { name: 'HTML in update', send: () => admin.patch(`/api/orgs/${committee}`, { name: '<img src=x onerror=alert(1)>' }), status: 400, code: 'VALIDATION_FAILED', fields: ['name'] },
    { name: 'blank name', send: () => admin.post('/api/orgs', { ...valid(), name: '   ' }), status: 400, code: 'VALIDATION_FAILED', fields: ['name'] },
    { name: 'empty update', send: () => admin.patch(`/api/orgs/${committee}`, {}), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'non-numeric id', send: () => admin.get('/api/orgs/abc'), status: 400, code: 'VALIDATION_FAILED', fields: ['id'] },
    { name: 'child under a branch', send: () => admin.post('/api/orgs', { ...valid(), parentId: branch }), status: 400, code: 'VALIDATION_FAILED', fields: ['parentId'] },
    { name: 'move into its own subtree', send: () => admin.post(`/api/orgs/${county}/move`, { newParentId: committee }), status: 409, code: 'ORG_MOVE_CYCLE' },
    { name: 'move under itself', send: () => admin.post(`/api/orgs/${committee}/move`, { newParentId: committee }), status: 409, code: 'ORG_MOVE_CYCLE' },
    { name: 'deactivate with active children', send: () => admin.post(`/api/orgs/${committee}/deactivate`, { reason: '撤销' }), status: 409, code: 'ORG_HAS_ACTIVE_CHILDREN' },
    { name: 'deactivate without reason', send: () => admin.post(`/api/orgs/${branch}/deactivate`, {}), status: 400, code: 'VALIDATION_FAILED', fields: ['reason'] },
    { name: 'bad query parameter', send: () => admin.get('/api/orgs?pageSize=100000&depth=all'), status: 400, code: 'VALIDATION_FAILED', fields: ['pageSize', 'depth'] },
    { name: 'unknown query parameter', send: () => admin.get('/api/orgs?sql=1'), status: 400, code: 'VALIDATION_FAILED', fields: ['sql'] },
    { name: 'no CSRF token', send: () => admin.request({ method: 'POST', url: '/api/orgs', headers: { 'x-csrf-token': '' }, payload: valid() }), status: 403, code: 'CSRF_FAILED' },
    { name: 'wrong content type', send: () => admin.request({ method: 'POST', url: '/api/orgs', headers: { 'content-type': 'text/xml' }, payload: '<org/>' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  ];

  it('answers every bad request with its code and per-field messages, changing nothing', async () => {
    for (const c of cases()) {
      const before = await snapshot();
      const response = await c.send();
      const body = response.json();
      expect({ name: c.name, status: response.statusCode, code: body.error?.code }).toEqual({ name: c.name, status: c.status, code: c.code });
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(body.error.messageEn).toMatch(/[a-z]/);
      expect(typeof body.requestId).toBe('string');
      if (c.fields) {
        const fields = (body.error.fields ?? []) as { field: string; message: string; messageEn: string }[];
        expect(fields.map((f) => f.field).sort(), c.name).toEqual(expect.arrayContaining([...c.fields].sort()));
        for (const f of fields) {
          expect(f.message, `${c.name}: ${f.field}`).toMatch(/[\u4e00-\u9fff]/);
          expect(f.messageEn.length).toBeGreaterThan(3);
        }
      }
      expect(await snapshot(), c.name).toEqual(before);
    }
  });

  it('still accepts a valid request after all that, so the refusals were about the input', async () => {
    const response = await admin.post('/api/orgs', { ...valid(), regionCode: '510107', foundedOn: '2020-05-04', contactPhone: '13800001234' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ name: '测试团支部', regionName: '成都市武侯区', contactPhoneMasked: '138****1234' });
  });
});
