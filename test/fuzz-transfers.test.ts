import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orgIdByName, type Client, type TestApp } from './helpers/test-app.ts';
import { tableDigest, type DigestSpec } from './helpers/fuzz-digest.ts';
import { assertFuzz, expectWellFormed, fromSchema, idNumber, nastyString, nastyValue, pathSegment, queryString, type ValuePools } from './helpers/fuzz-values.ts';
import type { RouteSummary } from '../src/platform/http/app.ts';

/**
 * DOMAIN §12 DB-11: every transfer endpoint, fed generated path ids, query strings and bodies by
 * accounts allowed to call it, never answers 5xx; each refusal is a coded, bilingual 4xx that
 * changed nothing. Replay a failure with TUANWU_FUZZ_SEED=<seed printed>.
 */

const RUNS = Number(process.env.TUANWU_FUZZ_RUNS ?? 40);

/** The tables a transfer request may write, and the columns that change in place. */
const TRANSFER_TABLES: DigestSpec = {
  transfer: { id: 'id', sums: ['stage_index', 'is_open', 'length(status)', 'case when closed_at is null then 0 else 1 end', 'coalesce(stage_org_id, 0)'] },
  transfer_event: { id: 'id' },
  graduate_batch: { id: 'id', sums: ['length(status)'] },
  graduate_batch_member: { sums: ['coalesce(length(destination_kind), 0)', 'coalesce(transfer_id, 0)', 'settled'] },
  transfer_response_stat: { sums: ['decided', 'on_time'] },
  member: { id: 'id', sums: ['org_id', 'length(status)', 'is_active'] },
  member_status_change: { id: 'id' },
  member_stat: { sums: ['n'] },
  audit_log: { id: 'id' },
};

/** Every route of the transfer module; a route added there must be added here to be fuzzed. */
const TRANSFER_ROUTES = [
  'GET /api/transfers/meta', 'GET /api/transfers', 'GET /api/transfers/destinations', 'GET /api/transfers/response-stats', 'GET /api/transfers/:id',
  'POST /api/transfers', 'POST /api/transfers/incoming', 'POST /api/transfers/:id/decision', 'POST /api/transfers/:id/appeal', 'POST /api/transfers/:id/withdraw',
  'GET /api/transfers/graduate-batches', 'POST /api/transfers/graduate-batches', 'GET /api/transfers/graduate-batches/:id/graduates',
  'POST /api/transfers/graduate-batches/:id/assignments', 'GET /api/transfers/graduate-rate',
  'GET /api/me/transfers', 'POST /api/me/transfers', 'POST /api/me/transfers/:id/appeal', 'POST /api/me/transfers/:id/withdraw',
];

type Body = { kind: 'json'; value: unknown } | { kind: 'raw'; payload: string; contentType: string } | { kind: 'none' };

describe('fuzzing the transfer endpoints (DB-11)', () => {
  let t: TestApp;
  let cadres: Client[];
  let member: Client;
  let routes: RouteSummary[];
  let pools: ValuePools;
  /** The ids a graduate batch's routes are about: the batch and its graduates. */
  let batchPools: ValuePools;
  /** Two people of another county, so that a generated ID number and name often belong together. */
  let incomingPools: ValuePools;
  /** The member's own transfer, for the member's routes. */
  let ownPools: ValuePools;
  let outsider: { idNumber: string; name: string };
  let ownBranchId: number;

  beforeAll(async () => {
    t = await createTestApp();
    // The province, a county committee and a branch secretary: scopes from all to one branch.
    cadres = [await t.login('sheng_admin'), await t.login('wuhou_admin'), await t.login('zhishu_demo')];
    member = await t.login('tuanyuan_demo');
    routes = t.app.routeList.filter((r) => /^\/api\/(me\/)?transfers(\/|$)/.test(r.url));

    // Transfers in several states, and a graduate batch, for the generated ids to find.
    const wuhouPath = (await t.db.selectFrom('organization').select('path').where('id', '=', await orgIdByName(t, '共青团武侯区委')).executeTakeFirstOrThrow()).path;
    const piduPath = (await t.db.selectFrom('organization').select('path').where('id', '=', await orgIdByName(t, '共青团郫都区委')).executeTakeFirstOrThrow()).path;
    const branches = await t.db.selectFrom('organization').select(['id', 'path']).where('type', '=', 'branch').where('status', '=', 'active').orderBy('id').execute();
    const wuhouBranches = branches.filter((b) => b.path.startsWith(wuhouPath));
    const ownMemberId = (await t.db.selectFrom('app_user').select('member_id').where('username', '=', 'tuanyuan_demo').executeTakeFirstOrThrow()).member_id!;
    const members = await t.db.selectFrom('member').select(['id', 'org_id', 'id_number_enc', 'name']).where('status', '=', 'normal').where('is_active', '=', 1)
      .where('org_path', 'like', `${wuhouPath}%`).where('id', '!=', ownMemberId).orderBy('id').limit(40).execute();
    const [province] = cadres;
    const started: number[] = [];
    for (const [i, m] of members.slice(0, 4).entries()) {
      const toOrgId = branches.find((b) => b.path.startsWith(piduPath))!.id;
      const response = await province!.post('/api/transfers', { memberId: m.id, scopeKind: i === 3 ? 'outside' : 'within', reason: 'employment', toOrgId: i === 3 ? null : toOrgId, outsideDestination: i === 3 ? '北京市朝阳区某街道团工委' : null });
      expect(response.statusCode, response.body).toBe(200);
      started.push(response.json().id);
    }
    // The member's own application, returned to them, so that their appeal and withdrawal have something to act on.
    const own = await member.post('/api/me/transfers', { scopeKind: 'within', reason: 'further_study', toOrgId: branches.find((b) => b.path.startsWith(piduPath))!.id });
    expect(own.statusCode, own.body).toBe(200);
    started.push(own.json().id);
    ownPools = { id: fc.constantFrom(own.json().id, started[0]!) };
    expect((await province!.post(`/api/transfers/${own.json().id}/decision`, { action: 'return', reason: '请补充录取通知书' })).statusCode).toBe(200);
    expect((await province!.post(`/api/transfers/${started[1]}/decision`, { action: 'return', reason: '请补充材料' })).statusCode).toBe(200);
    expect((await province!.post(`/api/transfers/${started[2]}/decision`, { action: 'approve' })).statusCode).toBe(200);
    const school = await t.db.selectFrom('organization').select('parent_id').where('kind', '=', 'graduate').where('path', 'like', `${wuhouPath}%`).executeTakeFirst();
    const batchIds: number[] = [];
    const graduates: number[] = [];
    if (school?.parent_id) {
      const opened = await province!.post('/api/transfers/graduate-batches', { schoolOrgId: school.parent_id, year: 2026 });
      expect(opened.statusCode, opened.body).toBe(200);
      batchIds.push(opened.json().id);
      graduates.push(...(await t.db.selectFrom('graduate_batch_member').select('member_id').where('batch_id', '=', opened.json().id).execute()).map((g) => g.member_id));
    }
    const orgIds = [...wuhouBranches.slice(0, 10).map((b) => b.id), ...branches.slice(0, 5).map((b) => b.id), ...(school?.parent_id ? [school.parent_id] : []), await orgIdByName(t, '共青团武侯区委')];
    const ids = fc.constantFrom(...started, ...batchIds, 1, 2147483647);
    const memberIds = fc.constantFrom(...members.map((m) => m.id));
    pools = {
      id: ids, batchId: ids, memberId: memberIds, orgId: fc.constantFrom(...orgIds), toOrgId: fc.constantFrom(...orgIds), schoolOrgId: fc.constantFrom(...orgIds),
      idNumber: fc.oneof(idNumber, fc.constantFrom(...members.map((m) => t.cipher.decrypt(m.id_number_enc)))),
      name: fc.oneof(fc.constantFrom(...members.map((m) => m.name)), nastyString),
      q: fc.oneof(fc.constantFrom('武侯', '团支部', '%', '_', "'", '\\'), nastyString),
    };
    const outsiders = await t.db.selectFrom('member').select(['id_number_enc', 'name']).where('status', '=', 'normal').where('is_active', '=', 1)
      .where('org_path', 'like', `${piduPath}%`).orderBy('id').limit(2).execute();
    outsider = { idNumber: t.cipher.decrypt(outsiders[0]!.id_number_enc), name: outsiders[0]!.name };
    ownBranchId = wuhouBranches[0]!.id;
    incomingPools = {
      ...pools, toOrgId: fc.constantFrom(...wuhouBranches.slice(0, 3).map((b) => b.id)),
      idNumber: fc.constantFrom(...outsiders.map((m) => t.cipher.decrypt(m.id_number_enc))), name: fc.constantFrom(...outsiders.map((m) => m.name)),
    };
    batchPools = { ...pools, id: fc.constantFrom(...batchIds, 1), memberId: graduates.length > 0 ? fc.constantFrom(...graduates) : memberIds };
  });
  afterAll(async () => t?.close());

  it('fuzzes every transfer route the app registers', () => {
    expect(routes.map((r) => `${r.method} ${r.url}`).sort()).toEqual([...TRANSFER_ROUTES].sort());
  });

  const poolsOf = (route: RouteSummary) => {
    if (route.url.startsWith('/api/me/')) return { ...pools, ...ownPools };
    if (route.url.includes('graduate-batches/:id')) return batchPools;
    return route.url.endsWith('/incoming') ? incomingPools : pools;
  };

  /** A path with its parameters filled in: real or plausible ids, or in hostile mode sometimes anything at all. */
  const pathOf = (route: RouteSummary, valid: boolean) => {
    const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    const params = (route.schema?.params ?? {}) as { properties?: Record<string, unknown> };
    const value = (name: string) => fromSchema(params.properties?.[name] ?? {}, poolsOf(route), { valid, name });
    return fc.tuple(...names.map((name) => (valid ? value(name) : fc.oneof({ weight: 4, arbitrary: value(name) }, nastyString))))
      .map((values) => names.reduce((url, name, i) => url.replace(`:${name}`, pathSegment(values[i])), route.url));
  };

  const queryOf = (route: RouteSummary, valid: boolean) => {
    const declared = route.schema?.querystring;
    const generated = (declared ? fromSchema(declared, poolsOf(route), { valid }) : valid ? fc.constant({}) : fromSchema({ type: 'object' }, pools))
      .map((q) => (q && typeof q === 'object' && !Array.isArray(q) ? queryString(q as Record<string, unknown>) : `?q=${encodeURIComponent(JSON.stringify(q))}`));
    if (valid) return generated;
    return fc.oneof({ weight: 5, arbitrary: generated }, fc.constantFrom('', '?', '?&&', '?id=1&id=2', '?page=1e3', '?pageSize=-1', '?box[]=all', '?__proto__[x]=1', '?q=%ZZ', '?year=99999999999999999999'));
  };

  const bodyOf = (route: RouteSummary, valid: boolean): fc.Arbitrary<Body> => {
    if (route.method === 'GET' || route.method === 'DELETE') return fc.constant({ kind: 'none' });
    const json = fromSchema(route.schema?.body ?? {}, poolsOf(route), { valid }).map((value) => ({ kind: 'json' as const, value }));
    if (valid) return json;
    return fc.oneof(
      { weight: 8, arbitrary: json },
      { weight: 1, arbitrary: nastyValue.map((value) => ({ kind: 'json' as const, value })) },
      { weight: 1, arbitrary: fc.record({ payload: fc.oneof(nastyString, fc.constantFrom('{', '{"a":', '[1,2', '{"memberId":1,}', 'null', '')), contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=latin1') }).map((raw) => ({ kind: 'raw' as const, ...raw })) },
      { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
    );
  };

  /** Half the requests keep to the schema (to reach the services), half are hostile. */
  const requestOf = (route: RouteSummary) => fc.boolean().chain((valid) => fc.record({ valid: fc.constant(valid), path: pathOf(route, valid), query: queryOf(route, valid), body: bodyOf(route, valid) }));

  const send = (client: Client, method: string, url: string, body: Body) => {
    const options: InjectOptions = { method: method as InjectOptions['method'], url };
    if (body.kind === 'json') Object.assign(options, { payload: JSON.stringify(body.value) ?? 'null', headers: { 'content-type': 'application/json' } });
    if (body.kind === 'raw') Object.assign(options, { payload: body.payload, headers: { 'content-type': body.contentType } });
    return client.request(options);
  };

  it.each(TRANSFER_ROUTES)('%s: no 5xx, coded bilingual refusals, and a refusal changes nothing', async (name) => {
    const route = routes.find((r) => `${r.method} ${r.url}` === name);
    expect(route, `${name} is registered`).toBeDefined();
    const own = route!.url.startsWith('/api/me/');
    // By index, so a counterexample prints a number rather than a client object.
    const caller = own ? fc.constant(-1) : fc.integer({ min: 0, max: cadres.length - 1 });
    await assertFuzz(fc.asyncProperty(caller, requestOf(route!), async (who, { path, query, body }) => {
      const client = who < 0 ? member : cadres[who]!;
      const before = await tableDigest(t.db, TRANSFER_TABLES);
      const response = await send(client, route!.method, `${path}${query}`, body);
      const what = `${client.username} ${route!.method} ${(path + query).slice(0, 300)} ${body.kind === 'json' ? JSON.stringify(body.value)?.slice(0, 300) : body.kind}`;
      expectWellFormed(response, what);
      if (response.statusCode >= 400) expect(await tableDigest(t.db, TRANSFER_TABLES), `${what} → ${response.statusCode} ${response.body.slice(0, 300)}: a refusal wrote nothing`).toEqual(before);
    }), RUNS);
  });

  // Inputs the fuzzing found, kept as plain examples.

  it('answers a coded, bilingual 400 to a path id too long for the router or badly escaped', async () => {
    for (const url of [`/api/transfers/${'a'.repeat(200)}`, '/api/transfers/%ZZ']) {
      const response = await cadres[1]!.get(url);
      expect(response.statusCode, url).toBe(400);
      expectWellFormed(response, url);
    }
    const response = await member.request({ method: 'POST', url: `/api/me/transfers/${'9'.repeat(150)}/withdraw`, payload: { reason: '不转了' } });
    expect(response.json().error.code).toBe('MALFORMED_REQUEST');
  });

  it('refuses a receiving organization a 参军/涉密 transfer, which would go to the special library out of its sight, writing nothing', async () => {
    const before = await tableDigest(t.db, TRANSFER_TABLES);
    const organizations = await t.db.selectFrom('organization').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (const reason of ['classified', 'military']) {
      const response = await cadres[1]!.post('/api/transfers/incoming', { ...outsider, toOrgId: ownBranchId, reason });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.fields).toEqual([expect.objectContaining({ field: 'reason', code: 'special_library' })]);
    }
    expect(await tableDigest(t.db, TRANSFER_TABLES)).toEqual(before);
    expect(await t.db.selectFrom('organization').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual(organizations);
  });
});
