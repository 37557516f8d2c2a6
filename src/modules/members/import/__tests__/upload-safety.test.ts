import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportTestApp, storedFiles, workbookOf, type ImportClient, type ImportTestApp } from './import-test-kit.ts';

/** One archive entry: its bytes as stored (deflated or not), what it inflates to, and what the headers claim. */
type Entry = { name: string; stored: Buffer; method: 0 | 8; crc: number; size: number; declaredSize?: number };

/** A ZIP (APPNOTE local headers, central directory, end record) written by hand, so tests can make it lie. */
function zipOf(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.stored);
    centrals.push(central, name);
    offset += 30 + name.length + e.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function small(name: string, text: string): Entry {
  const data = Buffer.from(text);
  return { name, stored: data, method: 0, crc: zlib.crc32(data) >>> 0, size: data.length };
}

/** `megabytes` MB of spaces, deflated as a stream (about 1000:1), so the test never holds the inflated bytes. */
async function inflatingTo(name: string, megabytes: number): Promise<Entry> {
  const block = Buffer.alloc(1024 * 1024, 0x20);
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  let crc = 0;
  for (let i = 0; i < megabytes; i++) {
    crc = zlib.crc32(block, crc);
    if (!deflate.write(block)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  await new Promise((resolve) => deflate.end(resolve));
  return { name, stored: Buffer.concat(out), method: 8, crc: crc >>> 0, size: megabytes * 1024 * 1024 };
}

const WORKBOOK = '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="团员信息" sheetId="1" r:id="rId1"/></sheets></workbook>';
const RELS = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

describe('upload safety (DOMAIN §12 AS-19, AS-20)', () => {
  let t: ImportTestApp;
  let county: ImportClient;
  let bomb: Entry;

  beforeAll(async () => {
    t = await createImportTestApp();
    county = await t.login('wuhou_admin');
    bomb = await inflatingTo('xl/worksheets/sheet1.xml', 256);
  });
  afterAll(async () => t?.close());

  it('refuses a zip bomb by its central directory, before anything is inflated or parsed', async () => {
    const file = zipOf([small('xl/workbook.xml', WORKBOOK), small('xl/_rels/workbook.xml.rels', RELS), bomb]);
    expect(file.length).toBeLessThan(1024 * 1024);
    const started = Date.now();
    const response = await county.upload(file);
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'UPLOAD_UNSAFE_ARCHIVE', reason: 'too_large_uncompressed' });
    expect(response.json().error.message).toMatch(/压缩炸弹/);
    // Inflating 256 MB takes far longer than reading a directory.
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses an archive whose entry inflates past the size it declares', async () => {
    const liar = { ...bomb, declaredSize: 4096 };
    const response = await county.upload(zipOf([small('xl/workbook.xml', WORKBOOK), small('xl/_rels/workbook.xml.rels', RELS), liar]));
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'UPLOAD_UNSAFE_ARCHIVE', reason: 'size_mismatch' });
  });

  it('refuses an archive with too many entries', async () => {
    const entries = [small('xl/workbook.xml', WORKBOOK), ...Array.from({ length: 600 }, (_, i) => small(`xl/media/p${i}.txt`, 'x'))];
    const response = await county.upload(zipOf(entries));
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'UPLOAD_UNSAFE_ARCHIVE', reason: 'too_many_entries' });
  });

  it('refuses an archive that names the same part twice', async () => {
    const response = await county.upload(zipOf([small('xl/workbook.xml', WORKBOOK), small('xl/workbook.xml', WORKBOOK)]));
    expect(response.statusCode).toBe(422);
    expect(response.json().error.reason).toBe('corrupt');
    expect(response.json().error.message).toContain('文件已损坏或不完整');
  });

  it('stores uploads under server-made names, whatever the client calls the file', async () => {
    const before = storedFiles(t.filesDir);
    const response = await county.upload(await workbookOf([{ 姓名: '李华' }]), undefined, { 'content-disposition': 'attachment; filename="../../x.xlsx"' });
    expect(response.statusCode).toBe(202);
    await county.waitForJob(response.json().jobId);
    const added = storedFiles(t.filesDir).filter((f) => !before.includes(f));
    expect(added.length).toBeGreaterThan(0);
    for (const file of added) expect(file).toMatch(/^member-import(s|-errors)\/\d{4}-\d{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.xlsx$/);
    const job = await county.get(`/api/members/imports/${response.json().jobId}/errors.xlsx`);
    expect(job.headers['content-disposition']).toBe(`attachment; filename="member-import-errors.xlsx"; filename*=UTF-8''${encodeURIComponent('团员导入错误清单.xlsx')}`);
  });
});
