import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../../../../platform/excel/exceljs.ts';
import { setEffectiveOverrides } from '../../../../platform/rules/rules.ts';
import { createImportTestApp, storedFiles, type ImportClient, type ImportTestApp } from './import-test-kit.ts';

/** A streamed workbook with a header row and `rows` rows of one name. */
async function workbookWithRows(rows: number): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: false });
  const sheet = writer.addWorksheet('团员信息');
  sheet.addRow(['姓名']).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(['李华']).commit();
  sheet.commit();
  await writer.commit();
  return Buffer.concat(chunks);
}

describe('import row limit from the rules table (DOMAIN §12 AS-19: > 20 000 rows → 422, split)', () => {
  let t: ImportTestApp;
  let county: ImportClient;

  beforeAll(async () => {
    t = await createImportTestApp();
    county = await t.login('wuhou_admin');
  });
  afterEach(() => setEffectiveOverrides(new Map()));
  afterAll(async () => t?.close());

  it('refuses 20 001 rows with 422 and a split message when a province sets the limit to 20 000, keeping nothing', async () => {
    setEffectiveOverrides(new Map([['import.maxRows', { value: 20_000, source: 'test: DOMAIN §12 AS-19 example', effectiveFrom: '2026-01-01' }]]));
    const before = storedFiles(t.filesDir);
    const response = await county.upload(await workbookWithRows(20_001));
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS', rows: 20_001, limit: 20_000 });
    expect(response.json().error.message).toMatch(/拆分为多个文件（每个不超过20000行）/);
    expect(storedFiles(t.filesDir)).toEqual(before);
  });
});
