import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from '../../../../platform/excel/exceljs.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFileStorage } from '../../../../platform/files/local-file-storage.ts';
import { openXlsxPackage } from '../../../../platform/files/xlsx-package.ts';
import { pickDataSheet, readSheetRows, type SheetRow } from '../import-row-reader.ts';

const limits = { maxEntries: 500, maxUncompressedBytes: 100 * 1024 * 1024 };

describe('readSheetRows', () => {
  let dir: string;
  let storage: LocalFileStorage;
  let n = 0;
  const store = async (buffer: Buffer) => {
    const key = `test/w${n++}.xlsx`;
    await storage.write(key, Readable.from([buffer]));
    return openXlsxPackage(storage, key, limits);
  };
  const readAll = async (pkg: Awaited<ReturnType<typeof store>>, delayMs = 0) => {
    const rows: SheetRow[] = [];
    for await (const row of readSheetRows(storage, pkg, pickDataSheet(pkg))) {
      rows.push(row);
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    return rows;
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuanwu-reader-'));
    storage = new LocalFileStorage(dir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the 团员信息 sheet wherever it is, with text, numbers, dates, rich text and formula results', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['not this one']);
    const sheet = workbook.addWorksheet('团员信息');
    sheet.addRow(['姓名', '数字', '日期', '富文本', '公式']);
    sheet.addRow(['李华', 13912345678, new Date(Date.UTC(2004, 2, 15)), { richText: [{ text: '欧阳' }, { text: '小明' }] }, { formula: '1+1', result: 2 }]);
    sheet.getCell('C2').numFmt = 'yyyy-mm-dd';
    const pkg = await store(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(pickDataSheet(pkg)).toBe(1);
    const rows = await readAll(pkg);
    expect(rows.map((r) => r.number)).toEqual([1, 2]);
    expect(rows[1]!.cells).toEqual([null, '李华', 13912345678, new Date(Date.UTC(2004, 2, 15)), '欧阳小明', 2]);
  });

  it('reads a workbook without shared strings (inline strings, as streaming writers make them)', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false });
    const sheet = writer.addWorksheet('Sheet1');
    for (let i = 0; i < 50; i++) sheet.addRow([`第${i}行`, i]).commit();
    sheet.commit();
    await writer.commit();
    const pkg = await store(Buffer.concat(chunks));
    expect(pkg.sharedStrings).toBeNull();
    const rows = await readAll(pkg);
    expect(rows).toHaveLength(50);
    expect(rows[49]!.cells).toEqual([null, '第49行', 49]);
  });

  it('delivers every row to a slow consumer (the import reads while it writes to the database)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('团员信息');
    for (let i = 1; i <= 300; i++) sheet.addRow([`row ${i}`]);
    const pkg = await store(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(pkg.sheets[0]!.rowTags).toBe(300);
    for (let round = 0; round < 3; round++) expect((await readAll(pkg, round)).length).toBe(300);
  });
});
