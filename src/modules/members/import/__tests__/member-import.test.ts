import { Readable } from 'node:stream';
import ExcelJS from '../../../../platform/excel/exceljs.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildMemberStats } from '../../stats/rebuild-member-stats.ts';
import { openXlsxPackage } from '../../../../platform/files/xlsx-package.ts';
import { LocalFileStorage } from '../../../../platform/files/local-file-storage.ts';
import { inflateEntry } from '../../../../platform/files/zip-entries.ts';
import { makeResidentId } from '../../resident-id.ts';
import { systemActor } from '../../../../platform/audit/audit-log.ts';
import { DataScope } from '../../../../platform/scope/data-scope.ts';
import { claimImportJob, insertImportJob } from '../import-job.repository.ts';
import type { CheckedRow } from '../import-row-checker.ts';
import { ImportConflict, insertImportedMembers } from '../insert-imported-members.ts';
import { createImportTestApp, storedFiles, validRow, workbookOf, XLSX, type ImportClient, type ImportTestApp, type SheetRowValues } from './import-test-kit.ts';

type Branch = { id: number; name: string; path: string };

describe('member Excel import', () => {
  let t: ImportTestApp;
  let county: ImportClient; // 武侯区团委管理员
  let otherCounty: ImportClient; // 成都市团委管理员: a different user who may import too
  let branches: Branch[];
  let outOfScope: Branch;
  let registeredId: string;
  const memberCount = async () => Number((await t.db.selectFrom('member').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createImportTestApp();
    county = await t.login('wuhou_admin');
    otherCounty = await t.login('chengdu_admin');
    const wuhou = await t.db.selectFrom('organization').select('path').where('name', '=', '共青团武侯区委').executeTakeFirstOrThrow();
    branches = await t.db.selectFrom('organization').select(['id', 'name', 'path']).where('type', '=', 'branch').where('status', '=', 'active')
      .where('path', 'like', `${wuhou.path}%`).orderBy('id').limit(2).execute();
    const pidu = await t.db.selectFrom('organization').select('path').where('name', '=', '共青团郫都区委').executeTakeFirstOrThrow();
    outOfScope = await t.db.selectFrom('organization').select(['id', 'name', 'path']).where('type', '=', 'branch').where('path', 'like', `${pidu.path}%`).orderBy('id').executeTakeFirstOrThrow();
    const seeded = await t.db.selectFrom('member').select('id_number_enc').where('org_path', 'like', `${wuhou.path}%`).where('is_active', '=', 1).orderBy('id').executeTakeFirstOrThrow();
    registeredId = t.cipher.decrypt(seeded.id_number_enc);
  });
  afterAll(async () => t?.close());

  it('offers a template with the data sheet, instructions, dropdowns from a hidden list sheet and text-formatted number columns', async () => {
    const response = await county.get('/api/members/import-template.xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(String(response.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([['团员信息', 'visible'], ['填写说明', 'visible'], ['选项', 'hidden']]);
    const data = workbook.getWorksheet('团员信息')!;
    const headers = (data.getRow(1).values as string[]).slice(1);
    expect(headers.slice(0, 3)).toEqual(['所在团支部编号', '所在团支部名称', '姓名']);
    expect(data.rowCount).toBe(1);
    for (const name of ['证件号码', '手机号码', '团员编号', '入团年月']) expect(data.getColumn(headers.indexOf(name) + 1).numFmt, name).toBe('@');
    expect(data.getColumn(headers.indexOf('姓名') + 1).numFmt).toBeFalsy();
    const validations = (data as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    const ethnicity = validations[`${data.getColumn(headers.indexOf('民族') + 1).letter}2`]!;
    expect(ethnicity.type).toBe('list');
    const [, listColumn, from, to] = /^'选项'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(ethnicity.formulae[0]!)!;
    const options = workbook.getWorksheet('选项')!;
    const labels = options.getColumn(listColumn!).values.slice(Number(from), Number(to) + 1);
    expect(labels).toHaveLength(56);
    expect(labels).toContain('彝族');
    for (const name of ['证件类型', '政治面貌', '全日制学历', '职业', '收入', '团内职务', '是否团干部', '团干部性质']) {
      expect(validations[`${data.getColumn(headers.indexOf(name) + 1).letter}100001`], name).toMatchObject({ type: 'list' });
    }
    const help = JSON.stringify(workbook.getWorksheet('填写说明')!.getSheetValues());
    expect(help).toContain('必填');
    expect(help).toContain('510107200403151234');
  });

  it('imports every row of a good file in one go, and lists them', async () => {
    const before = await memberCount();
    const rows = Array.from({ length: 300 }, (_, i) => validRow(i, branches[i % 2]!));
    const submitted = await county.upload(await workbookOf(rows));
    expect(submitted.statusCode, submitted.body).toBe(202);
    const { jobId } = submitted.json();
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    const { final } = await county.waitForJob(jobId);
    expect(final).toMatchObject({ status: 'done', totalRows: 300, processedRows: 300, importedRows: 300, errorCount: 0, hasErrorFile: false });
    expect(final.finishedAt).toEqual(expect.any(String));
    expect(await memberCount()).toBe(before + 300);

    const listed = (await county.get(`/api/members?orgId=${branches[0]!.id}&q=${encodeURIComponent(rows[0]!['证件号码'] as string)}`)).json();
    expect(listed.total).toBe(1);
    expect(listed.items[0]).toMatchObject({
      name: '欧阳小明', sex: 'female', birthDate: '2000-01-01', ethnicity: '07', educationFullTime: 'bachelor', leaguePost: 'organization_member',
      isCadre: true, cadreNature: 'part_time', phoneMasked: '139****0000', status: 'normal', developmentNumber: '201599000000',
    });
    const byBranch = (await county.get(`/api/members?orgId=${branches[1]!.id}&pageSize=200`)).json();
    expect(byBranch.items.filter((m: { name: string }) => m.name === '李华').length).toBeGreaterThanOrEqual(100);

    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', 'in', ['member.import', 'member.import.submit']).where('target_id', '=', jobId).orderBy('seq').execute();
    expect(audit.map((a) => [a.action, a.result])).toEqual([['member.import.submit', 'ok'], ['member.import', 'ok']]);
    expect(JSON.parse(audit[1]!.detail!)).toMatchObject({ jobId, rows: 300 });
    expect(JSON.stringify(audit)).not.toContain(rows[0]!['证件号码']);
    // The upload held ID numbers in clear; it is gone once imported.
    expect(storedFiles(t.filesDir)).toEqual([]);

    // The statistics counters the import maintained equal a full recount.
    const counters = async () => (await t.db.selectFrom('member_stat').select(['org_id', 'dimension', 'bucket', 'n']).where('n', '!=', 0).execute())
      .map((r) => `${r.org_id}|${r.dimension}|${r.bucket}|${r.n}`).sort();
    const maintained = await counters();
    await rebuildMemberStats(t.db);
    expect(maintained).toEqual(await counters());
  });

  it('imports nothing from a file with bad rows, and names every bad row and its reasons in the error workbook', async () => {
    const before = await memberCount();
    const [a, b] = branches as [Branch, Branch];
    const good = (i: number) => validRow(1000 + i, a);
    const badCheckDigit = (() => {
      const id = makeResidentId('110105', '2003-02-03', 11, 'male');
      return id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    })();
    const duplicateId = makeResidentId('110105', '2003-04-05', 12, 'female');
    const rows: SheetRowValues[] = [
      good(0), // row 2
      { ...good(1), 证件号码: badCheckDigit }, // row 3
      { ...good(2), 民族: '火星族' }, // row 4
      { ...validRow(1003, outOfScope) }, // row 5
      { ...good(4), 证件号码: duplicateId }, // row 6
      good(5), // row 7
      { ...good(6), 证件号码: duplicateId, 所在团支部编号: b.id, 所在团支部名称: b.name }, // row 8
      { ...good(7), 证件号码: registeredId }, // row 9
      { ...good(8), 团员编号: '201099000001' }, // row 10
      { ...good(9), 姓名: null }, // row 11
      { ...good(10), 手机号码: '2391234', 民族: '火星族' }, // row 12: two problems
      { ...good(11), 姓名: '=HYPERLINK("http://x","y")' }, // row 13: comes back neutralized
    ];
    const submitted = await county.upload(await workbookOf(rows));
    expect(submitted.statusCode, submitted.body).toBe(202);
    const { jobId } = submitted.json();
    const { final } = await county.waitForJob(jobId);
    expect(final).toMatchObject({ status: 'failed_validation', totalRows: 12, processedRows: 12, errorCount: 10, importedRows: 0, hasErrorFile: true });
    expect(String(final.message)).toContain('错误说明');
    expect(await memberCount()).toBe(before);

    const download = await county.get(`/api/members/imports/${jobId}/errors.xlsx`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['cache-control']).toBe('no-store');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('团员信息')!;
    expect(sheet.getCell('A1').value).toBe('错误说明');
    expect(sheet.getCell('B1').value).toBe('所在团支部编号');
    const reasons = (row: number) => String(sheet.getCell(`A${row}`).value ?? '');
    expect(reasons(2)).toBe('');
    expect(reasons(7)).toBe('');
    expect(reasons(3)).toMatch(/证件号码：.*校验位/);
    expect(reasons(4)).toMatch(/民族：“火星族”不是可选的值/);
    expect(reasons(5)).toMatch(/所在团支部编号：.*不存在或不在您的管辖范围内/);
    expect(reasons(5)).not.toContain(outOfScope.name);
    expect(reasons(6)).toMatch(/与第8行是同一证件号码/);
    expect(reasons(8)).toMatch(/与第6行是同一证件号码/);
    expect(reasons(9)).toMatch(/此人已是团员/);
    expect(reasons(10)).toMatch(/团员编号：.*入团年份/);
    expect(reasons(11)).toMatch(/姓名：必填/);
    expect(reasons(12)).toMatch(/手机号码/);
    expect(reasons(12)).toMatch(/民族/);
    expect(reasons(13)).toMatch(/姓名/);
    expect(sheet.getCell('D13').value).toBe(`'=HYPERLINK("http://x","y")`);
    expect(sheet.getCell('D13').formula).toBeUndefined();
    // The uploaded values come back in place (one column to the right), ID numbers as text.
    expect(sheet.getCell('F6').value).toBe(duplicateId);
    expect(sheet.getCell('D2').value).toBe(rows[0]!['姓名']);
    expect(sheet.getColumn('F').numFmt).toBe('@');

    const audit = await t.db.selectFrom('audit_log').select(['action', 'result']).where('target_id', '=', jobId).orderBy('seq').execute();
    expect(audit).toEqual([
      { action: 'member.import.submit', result: 'ok' }, { action: 'member.import', result: 'failed' }, { action: 'member.import.errors_download', result: 'ok' },
    ]);

    // The cadre fixes the workbook in place (here: drops the bad rows) and uploads it as it is, 错误说明 and all.
    for (const row of [13, 12, 11, 10, 9, 8, 6, 5, 4, 3]) sheet.spliceRows(row, 1);
    const fixed = await county.upload(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(fixed.statusCode, fixed.body).toBe(202);
    const again = await county.waitForJob(fixed.json().jobId);
    expect(again.final).toMatchObject({ status: 'done', importedRows: 2 });
    expect(await memberCount()).toBe(before + 2);
  });

  it('refuses a body that is not an xlsx package, whatever its content type says', async () => {
    const filesBefore = storedFiles(t.filesDir);
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(2000, 7)]);
    const refused = await county.upload(exe);
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error.code).toBe('UPLOAD_NOT_XLSX');
    expect(refused.json().error.message).toMatch(/不是Excel工作簿/);
    const docx = new ExcelJS.Workbook();
    docx.addWorksheet('x');
    // A ZIP that is not a workbook: the xlsx parts renamed away.
    const zip = Buffer.from(await docx.xlsx.writeBuffer()).toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbook.xmX');
    expect((await county.upload(Buffer.from(zip, 'latin1'))).statusCode).toBe(415);
    const json = await county.upload(Buffer.from('{"a":1}'), 'application/json');
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(storedFiles(t.filesDir)).toEqual(filesBefore);
  });

  it('refuses an upload above the size limit with 413 and keeps nothing', async () => {
    const filesBefore = storedFiles(t.filesDir);
    const response = await county.upload(Buffer.alloc(50 * 1024 * 1024, 1));
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(response.json().error.message).toMatch(/拆分/);
    // Without a Content-Length the body is counted while it streams to storage, and the partial file removed.
    const chunk = Buffer.alloc(1024 * 1024, 1);
    const streamed = await county.upload(Readable.from((function* () { for (let i = 0; i < 40; i++) yield chunk; })()));
    expect(streamed.statusCode).toBe(413);
    expect(storedFiles(t.filesDir)).toEqual(filesBefore);
  });

  it('stores nothing for a caller who may not import', async () => {
    const filesBefore = storedFiles(t.filesDir);
    const auditor = await t.login('shenji_admin');
    const response = await auditor.upload(await workbookOf([validRow(4000, branches[0]!)]));
    expect(response.statusCode).toBe(403);
    expect((await auditor.get('/api/members/import-template.xlsx')).statusCode).toBe(403);
    expect(storedFiles(t.filesDir)).toEqual(filesBefore);
  });

  it('refuses a file with too many rows with 422 and asks to split it', async () => {
    const filesBefore = storedFiles(t.filesDir);
    const stream = new (await import('node:stream')).PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: false });
    const sheet = writer.addWorksheet('团员信息');
    sheet.addRow(['姓名']).commit();
    for (let i = 0; i < 100_001; i++) sheet.addRow(['李华']).commit();
    sheet.commit();
    await writer.commit();
    const response = await county.upload(Buffer.concat(chunks));
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS', rows: 100_001, limit: 100_000 });
    expect(response.json().error.message).toMatch(/拆分/);
    expect(storedFiles(t.filesDir)).toEqual(filesBefore);
  });

  it('shows a job and its errors only to the user who uploaded it', async () => {
    const submitted = await county.upload(await workbookOf([{ ...validRow(2000, branches[0]!), 姓名: null }]));
    const { jobId } = submitted.json();
    expect((await county.waitForJob(jobId)).final.status).toBe('failed_validation');
    expect((await county.get(`/api/members/imports/${jobId}/errors.xlsx`)).statusCode).toBe(200);
    for (const url of [`/api/members/imports/${jobId}`, `/api/members/imports/${jobId}/errors.xlsx`]) {
      const other = await otherCounty.get(url);
      expect(other.statusCode, url).toBe(404);
      expect(other.body).not.toContain('李华');
    }
    const auditor = await t.login('shenji_admin');
    expect((await auditor.get(`/api/members/imports/${jobId}`)).statusCode).toBe(403);
    expect((await county.get('/api/members/imports/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await county.get('/api/members/imports/not-a-uuid')).statusCode).toBe(400);
    // A job without an error workbook answers 404 for it.
    const good = await county.upload(await workbookOf([validRow(2001, branches[0]!)]));
    const done = await county.waitForJob(good.json().jobId);
    expect(done.final.status).toBe('done');
    expect((await county.get(`/api/members/imports/${good.json().jobId}/errors.xlsx`)).statusCode).toBe(404);
  });

  it('reports progress while a larger file is checked, ending with processedRows = totalRows', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => validRow(i, branches[i % 2]!, {}, { region: '110106', serial: '98' }));
    const submitted = await county.upload(await workbookOf(rows));
    const { final, seen } = await county.waitForJob(submitted.json().jobId);
    expect(final).toMatchObject({ status: 'done', totalRows: 1500, processedRows: 1500, importedRows: 1500 });
    const processed = seen.map((s) => s.processedRows as number);
    expect(processed).toEqual([...processed].sort((x, y) => x - y));
    expect(seen[0]!.totalRows).toBe(1500);
  });

  it('rolls every row back when the one import transaction fails half way', async () => {
    const before = await memberCount();
    const statsBefore = await t.db.selectFrom('member_stat').select(['org_id', 'dimension', 'bucket', 'n']).orderBy(['org_id', 'dimension', 'bucket']).execute();
    const ctx = { db: t.db, cipher: t.cipher, blindIndex: t.blindIndex, auditKey: t.auditKey, actor: systemActor, scope: DataScope.system() };
    const person = (idNumber: string, birthDate: string): CheckedRow => ({
      orgId: branches[0]!.id,
      fields: { name: '李华', ethnicity: '01', politicalStatus: 'league_member', occupation: 'student', joinedLeagueOn: '2019-05' },
      identity: { idType: 'resident', idNumber, birthDate, sex: 'male' },
    });
    async function* rows() {
      for (let i = 0; i < 1200; i++) {
        const birthDate = new Date(Date.UTC(2003, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
        yield person(makeResidentId('120102', birthDate, 101, 'male'), birthDate);
      }
      // Registered by someone else after phase 1 checked the file: the unique index refuses it.
      yield person(registeredId, '2003-01-01');
    }
    await expect(insertImportedMembers(ctx, { rows: rows(), orgIds: [branches[0]!.id], jobId: 'rollback-test', expectedRows: 1201 })).rejects.toBeInstanceOf(ImportConflict);
    expect(await memberCount()).toBe(before);
    expect(await t.db.selectFrom('member_stat').select(['org_id', 'dimension', 'bucket', 'n']).orderBy(['org_id', 'dimension', 'bucket']).execute()).toEqual(statsBefore);
    expect(await t.db.selectFrom('audit_log').select('id').where('target_id', '=', 'rollback-test').execute()).toEqual([]);
  });

  it('runs a job once however many runners claim it', async () => {
    const user = await t.db.selectFrom('app_user').select('id').where('username', '=', 'wuhou_admin').executeTakeFirstOrThrow();
    const post = await t.db.selectFrom('post').select('id').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    const id = crypto.randomUUID();
    await insertImportJob(t.db, { id, user_id: user.id, post_id: post.id, source_ip: null, request_id: null, upload_key: 'member-imports/x/none.xlsx', upload_bytes: 0, total_rows: 0 });
    const claims = await Promise.all([claimImportJob(t.db, id), claimImportJob(t.db, id), claimImportJob(t.db, id)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('verifies the parts it hands to the spreadsheet reader (template round trip through the package checks)', async () => {
    const storage = new LocalFileStorage(t.filesDir);
    const key = 'member-imports/test/template.xlsx';
    const template = (await county.get('/api/members/import-template.xlsx')).rawPayload;
    await storage.write(key, (await import('node:stream')).Readable.from([template]));
    const pkg = await openXlsxPackage(storage, key, { maxEntries: 500, maxUncompressedBytes: 50 * 1024 * 1024 });
    expect(pkg.sheets.map((s) => [s.name, s.hidden])).toEqual([['团员信息', false], ['填写说明', false], ['选项', true]]);
    let xml = '';
    for await (const chunk of inflateEntry(storage, key, pkg.sheets[0]!.part)) xml += (chunk as Buffer).toString('utf8');
    expect(xml).toContain('<dataValidation type="list"');
    await storage.remove(key);
  });
});
