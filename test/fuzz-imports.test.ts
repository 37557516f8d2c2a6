import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../src/platform/excel/exceljs.ts';
import { LocalFileStorage } from '../src/platform/files/local-file-storage.ts';
import { ERROR_COLUMN_HEADER, IMPORT_COLUMNS } from '../src/modules/members/import/import-columns.ts';
import { createImportTestApp, storedFiles, type ImportTestApp } from '../src/modules/members/import/__tests__/import-test-kit.ts';
import { DEMO_PASSWORD } from './helpers/test-app.ts';
import { tableDigest, type DigestSpec } from './helpers/fuzz-digest.ts';
import {
  anyCell, applyDamage, buildDocument, buildWorkbook, damage, documentSpec, goodMemberRow, rawBytes, workbookSpec, type CellSpec, type Damage, type WorkbookSpec,
} from './helpers/fuzz-files.ts';
import { assertFuzz, expectWellFormed, fromSchema, nastyString, pathSegment, queryString, type ValuePools } from './helpers/fuzz-values.ts';

/**
 * DOMAIN §12 DB-11: the uploads (团员Excel导入, 工作要点识别 and its import, 进展附件) fed
 * malformed files never answer 5xx nor end a job as crashed; a refused upload is a coded,
 * bilingual 4xx that stored and wrote nothing; a rejected import names its bad rows and fields
 * and imports nothing; the 工作要点 preview writes nothing. Replay with TUANWU_FUZZ_SEED.
 */

const RUNS = Number(process.env.TUANWU_FUZZ_RUNS ?? 40);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const SEED_PLAN = path.resolve(import.meta.dirname, '../../shared/seed/000_822da9a7e9b50668.txt');

/** What a member import may write. */
const MEMBER_TABLES: DigestSpec = {
  member: { id: 'id', sums: ['org_id', 'length(status)', 'is_active'] },
  member_status_change: { id: 'id' },
  member_stat: { sums: ['n'] },
  organization: { id: 'id' },
};
/** What the work-plan import and attachments may write. */
const WORKPLAN_TABLES: DigestSpec = {
  work_plan: { id: 'id' }, plan_section: { id: 'id' }, plan_task: { id: 'id' }, plan_task_tag: {}, plan_task_department: {}, plan_target: { id: 'id' },
  plan_assignment: { id: 'id' }, plan_milestone: { id: 'id' }, plan_quota: {}, work_department: { id: 'id' }, plan_attachment: { id: 'id' },
};
const AUDIT: DigestSpec = { audit_log: { id: 'id' } };

type Signed = { username: string; request: (options: InjectOptions) => Promise<LightMyRequestResponse> };

async function signIn(app: FastifyInstance, username: string): Promise<Signed> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.body}`);
  const cookies = { tuanwu_sid: response.cookies.find((c) => c.name === 'tuanwu_sid')!.value };
  const csrf = response.json().csrfToken as string;
  return { username, request: (options) => app.inject({ ...options, cookies, headers: { 'x-csrf-token': csrf, ...(options.headers ?? {}) } }) };
}

/** A content type for an upload: mostly the right one, sometimes another or none. */
const contentType = (right: string) => fc.oneof(
  { weight: 5, arbitrary: fc.constant(right) },
  fc.constantFrom('application/octet-stream', 'text/csv', 'application/zip', 'multipart/form-data; boundary=----x', 'application/json', 'text/plain', 'application/vnd.ms-excel', 'image/png', ''),
);

/** A file-name header: percent-encoded as the web app sends it, or ASCII junk and broken escapes. */
const fileNameHeader = fc.oneof(
  fc.oneof(nastyString.filter((s) => s.length < 300), fc.constantFrom('工作要点.docx', '要点.txt', 'a.xlsx', '../../x.docx', 'CON.docx')).map((name) => { try { return encodeURIComponent(name); } catch { return 'x'; } }),
  fc.string({ unit: 'binary-ascii', maxLength: 80 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
  fc.constantFrom('%E4%B8', '%ZZ.docx', '%00.docx'),
);

describe('fuzzing the uploads and imports (DB-11)', () => {
  let t: ImportTestApp;
  let county: Signed; // 武侯区团委管理员: may import members and manage work plans of its county
  let province: Signed; // 省团委管理员: owns the provincial work plan and reports on it
  let branches: { id: number; name: string }[];
  let rootId: number;
  let taskIds: number[];

  beforeAll(async () => {
    t = await createImportTestApp();
    county = await signIn(t.app, 'wuhou_admin');
    province = await signIn(t.app, 'sheng_admin');
    const wuhou = await t.db.selectFrom('organization').select('path').where('name', '=', '共青团武侯区委').executeTakeFirstOrThrow();
    branches = await t.db.selectFrom('organization').select(['id', 'name']).where('type', '=', 'branch').where('status', '=', 'active')
      .where('path', 'like', `${wuhou.path}%`).orderBy('id').limit(3).execute();
    rootId = (await t.db.selectFrom('organization').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id;
    // A provincial plan with tasks, so attachments have somewhere to go.
    const parsed = await province.request({ method: 'POST', url: '/api/workplan/plans/parse', payload: fs.readFileSync(SEED_PLAN), headers: { 'content-type': 'text/plain' } });
    expect(parsed.statusCode, parsed.body).toBe(200);
    const created = await province.request({ method: 'POST', url: '/api/workplan/plans', payload: planBody(parsed.json().parse, rootId, 2026) });
    expect(created.statusCode, created.body).toBe(200);
    taskIds = (await t.db.selectFrom('plan_task').select('id').orderBy('id').limit(5).execute()).map((x) => x.id);
  });
  afterAll(async () => t?.close());

  const memberCount = async () => Number((await t.db.selectFrom('member').select((eb) => eb.fn.countAll<number>().as('n')).where('is_active', '=', 1).executeTakeFirstOrThrow()).n);
  const auditSince = (id: number) => t.db.selectFrom('audit_log').select(['action', 'result']).where('id', '>', id).orderBy('id').execute();
  const lastAuditId = async () => (await t.db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id ?? 0;

  async function waitForJob(jobId: string): Promise<Record<string, unknown>> {
    for (let i = 0; i < 2000; i++) {
      const status = (await county.request({ method: 'GET', url: `/api/members/imports/${jobId}` })).json();
      if (status.status !== 'queued' && status.status !== 'running') return status;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`import job ${jobId} did not finish`);
  }

  /**
   * The 错误说明 of each row of the error workbook that has one, read from storage: the download
   * route counts towards the hourly export limit, which a fuzzing run would soon reach.
   */
  async function errorNotes(jobId: string): Promise<string[]> {
    const { error_file_key: key } = await t.db.selectFrom('import_job').select('error_file_key').where('id', '=', jobId).executeTakeFirstOrThrow();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(new LocalFileStorage(t.filesDir).read(key!));
    const notes: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => {
      const note = row.getCell(1).value;
      if (note) notes.push(String(note));
    });
    // The header row (not always row 1: blank rows above it are kept) heads the column.
    expect(notes[0]).toBe(ERROR_COLUMN_HEADER);
    return notes.slice(1);
  }

  /** A workbook aimed at the importer: good rows with some cells replaced by anything at all. */
  const nearlyGood = fc.record({
    first: fc.integer({ min: 0, max: 3000 }),
    rows: fc.integer({ min: 1, max: 4 }),
    branch: fc.nat(),
    changes: fc.array(fc.record({ row: fc.nat(), column: fc.constantFrom(...IMPORT_COLUMNS.map((c) => c.header)), cell: anyCell }), { maxLength: 3 }),
  }).map(({ first, rows, branch, changes }): WorkbookSpec => {
    const headers = IMPORT_COLUMNS.map((c) => c.header);
    const data = Array.from({ length: rows }, (_, k) => {
      const values = goodMemberRow(first + k, branches[branch % branches.length]!);
      return headers.map((h): CellSpec => (values[h] === undefined ? { t: 'empty' } : { t: 'text', v: String(values[h]) }));
    });
    for (const change of changes) data[change.row % rows]![headers.indexOf(change.column)] = change.cell;
    return { sheets: [{ name: '团员信息', hidden: false, headerOffset: 0, headers, rows: data }] };
  });

  type Upload = { source: 'workbook'; spec: WorkbookSpec; damage: Damage } | { source: 'bytes'; bytes: Buffer };
  const upload: fc.Arbitrary<Upload> = fc.oneof(
    { weight: 3, arbitrary: fc.record({ source: fc.constant('workbook' as const), spec: nearlyGood, damage }) },
    { weight: 3, arbitrary: fc.record({ source: fc.constant('workbook' as const), spec: workbookSpec, damage }) },
    { weight: 1, arbitrary: fc.record({ source: fc.constant('bytes' as const), bytes: rawBytes }) },
  );
  const bytesOf = async (u: Upload) => (u.source === 'bytes' ? u.bytes : applyDamage(await buildWorkbook(u.spec), u.damage));

  it('fuzzes every route that takes a file as its body', () => {
    const uploads = t.app.routeList.filter((r) => (r.schema?.body as { format?: string } | undefined)?.format === 'binary').map((r) => `${r.method} ${r.url}`);
    expect(uploads.sort()).toEqual(['POST /api/members/imports', 'POST /api/workplan/plans/parse', 'POST /api/workplan/tasks/:id/attachments']);
  });

  it('import job reads: generated job ids and query strings never 5xx', async () => {
    const urls = ['/api/members/imports/:jobId', '/api/members/imports/:jobId/errors.xlsx', '/api/members/import-template.xlsx'];
    const jobId = fc.oneof(fc.uuid(), nastyString, fc.constantFrom('00000000-0000-0000-0000-000000000000', 'x'.repeat(36), '../../etc/passwd'));
    const query = fc.oneof(fc.constant(''), fc.dictionary(nastyString.filter((k) => k.length > 0 && k.length < 30), nastyString, { maxKeys: 2 }).map(queryString));
    await assertFuzz(fc.asyncProperty(fc.constantFrom(...urls), jobId, query, async (url, id, q) => {
      const before = await tableDigest(t.db, { ...MEMBER_TABLES, import_job: {} });
      const response = await county.request({ method: 'GET', url: url.replace(':jobId', pathSegment(id)) + q });
      expectWellFormed(response, `GET ${url} ${id.slice(0, 100)} ${q.slice(0, 100)}`);
      expect(await tableDigest(t.db, { ...MEMBER_TABLES, import_job: {} })).toEqual(before);
    }), RUNS);
  });

  it('member import: no 5xx and no crashed job; a refusal stores and writes nothing; a rejected file names its rows and fields and imports nothing', async () => {
    await assertFuzz(fc.asyncProperty(upload, contentType(XLSX), async (u, type) => {
      const bytes = await bytesOf(u);
      const [members, tables, jobs, files, auditId] = [await memberCount(), await tableDigest(t.db, MEMBER_TABLES), await tableDigest(t.db, { import_job: {} }), storedFiles(t.filesDir), await lastAuditId()];
      const response = await county.request({ method: 'POST', url: '/api/members/imports', payload: bytes, headers: type ? { 'content-type': type } : {} });
      const what = `upload of ${bytes.length} bytes as ${type || '(no type)'}`;
      expectWellFormed(response, what);
      if (response.statusCode !== 202) {
        expect(response.statusCode, `${what}: ${response.body}`).toBeGreaterThanOrEqual(400);
        expect(await tableDigest(t.db, MEMBER_TABLES), `${what}: a refused upload writes nothing`).toEqual(tables);
        expect(await tableDigest(t.db, { import_job: {} }), `${what}: and starts no job`).toEqual(jobs);
        expect(await auditSince(auditId), `${what}: a refused upload is not audited as an import`).toEqual([]);
        expect(storedFiles(t.filesDir), `${what}: a refused upload is deleted`).toEqual(files);
        return;
      }
      const job = await waitForJob(response.json().jobId);
      expect(['failed_validation', 'done'], `${what}: job ended ${JSON.stringify(job)}`).toContain(job.status);
      expect(job.message, `${what}: the job says what happened in Chinese`).toMatch(/\p{Script=Han}/u);
      expect(job.messageEn, `${what}: and in English`).toMatch(/[A-Za-z]/);
      if (job.status === 'done') {
        expect(await memberCount()).toBe(members + Number(job.importedRows));
        return;
      }
      // Rejected: nothing imported; the audit trail holds the attempt and its failure, nothing else.
      expect(await memberCount(), `${what}: a rejected import adds no member`).toBe(members);
      expect(await tableDigest(t.db, MEMBER_TABLES), `${what}: a rejected import changes no member data`).toEqual(tables);
      expect(await auditSince(auditId)).toEqual([{ action: 'member.import.submit', result: 'ok' }, { action: 'member.import', result: 'failed' }]);
      if (Number(job.errorCount) === 0) return; // A problem of the whole file (no header, no rows): the message names it.
      expect(job.hasErrorFile).toBe(true);
      const notes = await errorNotes(String(job.jobId));
      expect(notes, `${what}: one 错误说明 per bad row`).toHaveLength(Number(job.errorCount));
      const headers = IMPORT_COLUMNS.map((c) => c.header);
      // "1. 证件号码：…\n2. 民族：…"; a quoted value may hold line breaks of its own.
      for (const line of notes.flatMap((note) => note.split(/\n(?=\d+\. )/))) {
        expect(headers.some((h) => new RegExp(`^\\d+\\. ${h}：`).test(line)), `${what}: "${line}" names its column`).toBe(true);
      }
    }), RUNS);
  });

  // An input the fuzzing found, kept as a plain example: Excel shows #### for a date-formatted number
  // beyond its dates; the job crashed on it (RangeError) instead of naming the cell.
  it('names a date-formatted cell holding a number beyond any date as a bad cell of its row, in any column', async () => {
    const headers = IMPORT_COLUMNS.map((c) => c.header);
    const values = goodMemberRow(4000, branches[0]!);
    const row = headers.map((h): CellSpec => (h === '姓名' || h === '注册志愿者时间' ? { t: 'dateNumber', v: 1e300 } : values[h] === undefined ? { t: 'empty' } : { t: 'text', v: String(values[h]) }));
    const before = await memberCount();
    const response = await county.request({ method: 'POST', url: '/api/members/imports', payload: await buildWorkbook({ sheets: [{ name: '团员信息', hidden: false, headerOffset: 0, headers, rows: [row] }] }), headers: { 'content-type': XLSX } });
    expect(response.statusCode, response.body).toBe(202);
    const job = await waitForJob(response.json().jobId);
    expect(job).toMatchObject({ status: 'failed_validation', errorCount: 1 });
    const [note] = await errorNotes(String(job.jobId));
    expect(note).toMatch(/姓名：单元格是错误值（#NUM!）/);
    expect(note).toMatch(/注册志愿者时间：单元格是错误值（#NUM!）/);
    expect(await memberCount()).toBe(before);
  });

  it('work-plan preview: no 5xx, coded bilingual refusals, and it never writes', async () => {
    // The real 2021 plan with lines dropped and others added, so that many previews succeed and get imported.
    const seedLines = fs.readFileSync(SEED_PLAN, 'utf8').split('\n');
    const edited = fc.record({ format: fc.constantFrom('docx' as const, 'utf8' as const), kept: fc.subarray(seedLines), added: fc.array(fc.tuple(fc.nat(), nastyString), { maxLength: 4 }) })
      .map(({ format, kept, added }) => {
        const lines = [...kept];
        for (const [at, line] of added) lines.splice(at % (lines.length + 1), 0, line);
        return { format, lines };
      });
    const document = fc.oneof(
      { weight: 2, arbitrary: fc.record({ spec: documentSpec, damage }).map((d) => ({ ...d, kind: 'document' as const })) },
      { weight: 2, arbitrary: fc.record({ spec: edited, damage }).map((d) => ({ ...d, kind: 'document' as const })) },
      { weight: 1, arbitrary: rawBytes.map((bytes) => ({ kind: 'bytes' as const, bytes })) },
      { weight: 1, arbitrary: fc.record({ spec: workbookSpec, damage }).map((d) => ({ ...d, kind: 'workbook' as const })) },
    );
    await assertFuzz(fc.asyncProperty(document, contentType(DOCX), fc.option(fileNameHeader), fc.boolean(), async (doc, type, fileName, confirm) => {
      const bytes = doc.kind === 'bytes' ? doc.bytes : applyDamage(doc.kind === 'document' ? await buildDocument(doc.spec) : await buildWorkbook(doc.spec), doc.damage);
      const before = await tableDigest(t.db, { ...WORKPLAN_TABLES, ...AUDIT });
      const headers: Record<string, string> = { ...(type ? { 'content-type': type } : {}), ...(fileName !== null ? { 'x-file-name': fileName } : {}) };
      const response = await province.request({ method: 'POST', url: '/api/workplan/plans/parse', payload: bytes, headers });
      const what = `parse of ${bytes.length} bytes (${doc.kind}) as ${type || '(no type)'} named ${fileName}`;
      expectWellFormed(response, what);
      expect(await tableDigest(t.db, { ...WORKPLAN_TABLES, ...AUDIT }), `${what}: the preview wrote nothing`).toEqual(before);
      if (response.statusCode !== 200 || !confirm) return;
      // The import proper: the preview as confirmed, for a year of its own (deleted again, so the next one is no duplicate).
      const body = planBody(response.json().parse, rootId, 2030);
      const created = await province.request({ method: 'POST', url: '/api/workplan/plans', payload: body });
      expectWellFormed(created, `${what}, then imported`);
      if (created.statusCode >= 400) {
        expect(await tableDigest(t.db, { ...WORKPLAN_TABLES, ...AUDIT }), `${what}: a refused import wrote nothing`).toEqual(before);
      } else {
        await province.request({ method: 'DELETE', url: `/api/workplan/plans/${created.json().plan.id}` });
      }
    }), RUNS);
  });

  it('work-plan import: generated plan bodies never 5xx, and a refusal writes nothing', async () => {
    const route = t.app.routeList.find((r) => r.method === 'POST' && r.url === '/api/workplan/plans')!;
    const pools: ValuePools = { orgId: fc.constantFrom(rootId, ...branches.map((b) => b.id)), year: fc.integer({ min: 2031, max: 2099 }) };
    await assertFuzz(fc.asyncProperty(fc.boolean().chain((valid) => fromSchema(route.schema!.body, pools, { valid })), async (body) => {
      const before = await tableDigest(t.db, { ...WORKPLAN_TABLES, ...AUDIT });
      const response = await province.request({ method: 'POST', url: '/api/workplan/plans', payload: JSON.stringify(body) ?? 'null', headers: { 'content-type': 'application/json' } });
      const what = `POST /api/workplan/plans ${JSON.stringify(body)?.slice(0, 300)}`;
      expectWellFormed(response, what);
      if (response.statusCode >= 400) expect(await tableDigest(t.db, { ...WORKPLAN_TABLES, ...AUDIT }), `${what}: a refusal wrote nothing`).toEqual(before);
    }), RUNS);
  });

  it('progress attachments: no 5xx; a refused file stores and writes nothing', async () => {
    const file = fc.oneof(rawBytes.map((bytes) => ({ bytes })), fc.record({ spec: workbookSpec, damage }));
    const taskId = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...taskIds) }, fc.constantFrom(1, 2147483647, 0, -1));
    const orgId = fc.oneof({ weight: 4, arbitrary: fc.constant(rootId) }, fc.constantFrom(...branches.map((b) => b.id), 0, 99999999999));
    await assertFuzz(fc.asyncProperty(file, taskId, orgId, fc.option(fileNameHeader), contentType('application/pdf'), async (f, task, org, fileName, type) => {
      const bytes = 'bytes' in f ? f.bytes : applyDamage(await buildWorkbook(f.spec), f.damage);
      const before = { tables: await tableDigest(t.db, { ...WORKPLAN_TABLES, ...AUDIT }), files: storedFiles(t.filesDir) };
      const headers: Record<string, string> = { ...(type ? { 'content-type': type } : {}), ...(fileName !== null ? { 'x-file-name': fileName } : {}) };
      const response = await province.request({ method: 'POST', url: `/api/workplan/tasks/${task}/attachments?orgId=${org}`, payload: bytes, headers });
      const what = `attachment of ${bytes.length} bytes to task ${task} for ${org} named ${fileName} as ${type || '(no type)'}`;
      expectWellFormed(response, what);
      if (response.statusCode >= 400) {
        expect({ tables: await tableDigest(t.db, { ...WORKPLAN_TABLES, ...AUDIT }), files: storedFiles(t.filesDir) }, `${what}: a refusal stored and wrote nothing`).toEqual(before);
      }
    }), RUNS);
  });
});

type ParsedPlan = { title: string; generalIdea: string; sections: { ordinal: string; title: string; items: { title: string; body: string; tags: string[]; targets: Record<string, unknown>[] }[] }[] };

/** The body that imports a parsed plan, every target confirmed. */
function planBody(parse: ParsedPlan, orgId: number, year: number) {
  return {
    orgId, year, title: parse.title, generalIdea: parse.generalIdea, sourceName: null,
    sections: parse.sections.map((s) => ({
      ordinal: s.ordinal, title: s.title,
      items: s.items.map((i) => ({ title: i.title, body: i.body, tags: i.tags, targets: i.targets.map((x) => ({ value: x.value, unit: x.unit, comparator: x.comparator, text: x.text, confirmed: true })) })),
    })),
  };
}
