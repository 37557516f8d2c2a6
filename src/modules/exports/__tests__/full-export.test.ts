import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../../../platform/excel/exceljs.ts';
import { createTestApp, type Client, type TestApp } from '../../../../test/helpers/test-app.ts';
import { systemActor } from '../../../platform/audit/audit-log.ts';
import { LocalFileStorage } from '../../../platform/files/local-file-storage.ts';
import { DataScope } from '../../../platform/scope/data-scope.ts';
import { loadConfig } from '../../../platform/config/config.ts';
import { runExportHousekeeping } from '../export-housekeeping.ts';
import { FULL_EXPORT_FOLDER, prepareFullExport } from '../full-member-export.ts';
import { xlsxText } from './xlsx-text.ts';

const ID_PATTERN = /\d{17}[\dX]/;
const PHONE_PATTERN = /1[3-9]\d{9}/;

describe('完整导出 (DOMAIN §12 AS-22, DB-16, DB-17; §13 B7)', () => {
  let t: TestApp;
  let county: Client;
  let secretary: Client;
  let wuhouId: number;
  const filesDir = path.resolve(loadConfig({}).filesDir);

  beforeAll(async () => {
    t = await createTestApp();
    county = await t.login('wuhou_admin');
    secretary = await t.login('zhishu_demo');
    wuhouId = (await t.db.selectFrom('organization').select('id').where('name', '=', '共青团武侯区委').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t?.close());

  const exportRows = () => t.db.selectFrom('member_export').selectAll().orderBy('id').execute();
  const auditOf = (action: string) => t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();

  it('is refused to a branch secretary, and without a real reason; nothing is written', async () => {
    const before = { exports: (await exportRows()).length, audit: (await auditOf('member.export_full')).length };
    expect((await secretary.post('/api/members/full-exports', { reason: '报送名册' })).statusCode).toBe(403);
    const missing = await county.post('/api/members/full-exports', {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].field).toBe('reason');
    const blank = await county.post('/api/members/full-exports', { reason: '    ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields[0]).toMatchObject({ field: 'reason', code: 'reason_required' });
    expect(blank.json().error.fields[0].message).toMatch(/导出事由/);
    expect((await county.post('/api/members/full-exports', { reason: 'x'.repeat(201) })).statusCode).toBe(400);
    expect({ exports: (await exportRows()).length, audit: (await auditOf('member.export_full')).length }).toEqual(before);
  });

  it('writes an encrypted, watermarked file for one download by its owner, audited without the numbers, and removes it after', async () => {
    const reason = '报送区委组织部核对团员名册 & 换届';
    const prepared = await county.post('/api/members/full-exports', { orgId: wuhouId, reason });
    expect(prepared.statusCode, prepared.body).toBe(201);
    const { id, rows, expiresAt, downloadUrl } = prepared.json();
    expect(rows).toBeGreaterThan(0);
    const minutes = (Date.parse(expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(58);
    expect(minutes).toBeLessThanOrEqual(60);

    // At rest: the stored file is not a readable workbook.
    const record = (await exportRows()).find((r) => r.id === id)!;
    expect(record).toMatchObject({ username: 'wuhou_admin', reason, rows, downloaded_at: null, removed_at: null });
    const stored = path.join(filesDir, record.file_key!);
    const raw = fs.readFileSync(stored);
    expect(raw.subarray(0, 2).toString('latin1')).not.toBe('PK');
    expect(raw.includes(Buffer.from('sheet1.xml'))).toBe(false);

    // Audited with the reason and the row count, never a number.
    const audit = (await auditOf('member.export_full')).at(-1)!;
    expect(JSON.parse(audit.detail!)).toMatchObject({ reason, rows, masked: false });
    expect(audit.detail).not.toMatch(ID_PATTERN);
    expect(audit.detail).not.toMatch(PHONE_PATTERN);

    // Only the user who prepared it may fetch it.
    const otherCounty = await t.login('chengdu_admin');
    expect((await otherCounty.get(downloadUrl)).statusCode).toBe(404);

    const download = await county.get(downloadUrl);
    expect(download.statusCode, download.body).toBe(200);
    expect(download.headers['cache-control']).toBe('no-store');
    expect(String(download.headers['content-disposition'])).toMatch(/^attachment; filename="members-full-\d+\.xlsx"; filename\*=UTF-8''/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    // The watermark: who, post, when, why, which export; on the sheet, in its print header and in the file's properties.
    const banner = String(sheet.getCell(1, 1).value);
    expect(banner).toContain('武侯区团委管理员（wuhou_admin）');
    expect(banner).toContain(reason);
    expect(banner).toContain(`导出编号：${id}`);
    expect(banner).toMatch(/导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(sheet.headerFooter.oddHeader).toContain(reason.replace('&', '&&'));
    expect(workbook.creator).toBe('wuhou_admin');
    expect(workbook.subject).toContain(reason);
    expect(workbook.keywords).toContain(String(id));
    expect(sheet.getRow(2).getCell(3).value).toBe('证件号码');
    // The full numbers: the first member's ID as the database holds it.
    const firstId = String(sheet.getRow(3).getCell(3).value);
    expect(firstId).toMatch(/^\d{17}[\dX]$/);
    const decrypted = (await t.db.selectFrom('member').select('id_number_enc').where('org_path', 'like', `${record.org_path}%`).execute()).map((m) => t.cipher.decrypt(m.id_number_enc));
    expect(decrypted).toContain(firstId);
    expect(sheet.rowCount - 2).toBe(rows);

    // Once: the key is gone, the file is gone, a second download finds nothing.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fs.existsSync(stored)).toBe(false);
    const after = (await exportRows()).find((r) => r.id === id)!;
    expect(after.content_key_enc).toBeNull();
    expect(after.downloaded_at).not.toBeNull();
    expect(after.removed_at).not.toBeNull();
    const again = await county.get(downloadUrl);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toMatch(/只能下载一次/);
    expect((await auditOf('member.export_full_download')).filter((a) => a.target_id === String(id))).toHaveLength(1);
  });

  it('keeps the masked export masked', async () => {
    const response = await county.get(`/api/members/export.xlsx?orgId=${wuhouId}`);
    expect(response.statusCode).toBe(200);
    const text = xlsxText(response.rawPayload);
    expect(text).not.toMatch(ID_PATTERN);
    expect(text).not.toMatch(PHONE_PATTERN);
    expect(text).toMatch(/\d\*{16}[\dX]/);
  });

  it('the housekeeping job removes an export nobody fetched once it expires, and not before (a listing of the directory)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuanwu-full-export-'));
    try {
      const storage = new LocalFileStorage(dir);
      const user = await t.db.selectFrom('app_user').select('id').where('username', '=', 'wuhou_admin').executeTakeFirstOrThrow();
      const org = await t.db.selectFrom('organization').select('path').where('id', '=', wuhouId).executeTakeFirstOrThrow();
      const ctx = {
        db: t.db, cipher: t.cipher, blindIndex: t.blindIndex, auditKey: t.auditKey,
        actor: { ...systemActor, userId: user.id, username: 'wuhou_admin', postLabel: '共青团武侯区委 · 团委管理员' },
        scope: DataScope.forPost({ kind: 'subtree', orgId: wuhouId, orgPath: org.path, userId: user.id }),
      };
      const now = new Date();
      const prepared = await prepareFullExport(ctx, storage, { orgId: wuhouId, sort: 'name', order: 'asc' }, '核对名册', now);
      const listing = () => fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => fs.statSync(path.join(dir, f)).isFile());
      expect(listing()).toHaveLength(1);
      expect(listing()[0]!.startsWith(FULL_EXPORT_FOLDER)).toBe(true);
      await runExportHousekeeping(t.db, storage, new Date(now.getTime() + 30 * 60_000));
      expect(listing()).toHaveLength(1);
      // The run a minute before expiry is the last one before it: it removes the file, so none outlives its hour.
      const { exportsRemoved } = await runExportHousekeeping(t.db, storage, new Date(now.getTime() + 59 * 60_000 + 1));
      expect(exportsRemoved).toBeGreaterThanOrEqual(1);
      expect(listing()).toEqual([]);
      const row = await t.db.selectFrom('member_export').selectAll().where('id', '=', prepared.id).executeTakeFirstOrThrow();
      expect(row.content_key_enc).toBeNull();
      expect(row.removed_at).not.toBeNull();
      expect((await county.get(`/api/members/full-exports/${prepared.id}/download`)).statusCode).toBe(404);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
