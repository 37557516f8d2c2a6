import { Document, Packer, Paragraph, TextRun } from 'docx';
import fc from 'fast-check';
import ExcelJS from '../../src/platform/excel/exceljs.ts';
import { makeResidentId } from '../../src/modules/members/resident-id.ts';
import { DATA_SHEET_NAME, ERROR_COLUMN_HEADER, IMPORT_COLUMNS } from '../../src/modules/members/import/import-columns.ts';
import { idNumber, nastyNumber, nastyString } from './fuzz-values.ts';

/**
 * Generated uploads for the import fuzzing (DOMAIN §12 DB-11): workbooks and documents described
 * as plain data (so a failing case prints readably and replays by seed), built into bytes, then
 * sometimes truncated or corrupted.
 */

/** A cell as exceljs writes it. */
export type CellSpec =
  | { t: 'text'; v: string } | { t: 'number'; v: number } | { t: 'bool'; v: boolean } | { t: 'date'; v: string }
  | { t: 'dateNumber'; v: number } | { t: 'formula'; f: string; result: string | number | null } | { t: 'rich'; v: string[] }
  | { t: 'error'; v: string } | { t: 'link'; v: string } | { t: 'empty' };

const formulaText = fc.constantFrom('=1+1', '=HYPERLINK("http://evil.example","点我")', '=A1', '=NOW()', '=1/0', "=cmd|' /C calc'!A0", '=SUM(A1:A1048576)');
const isoDate = fc.date({ min: new Date('1800-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }).map((d) => d.toISOString());

/** Any cell at all: text, numbers past every limit, booleans, dates, formulas, rich text, error values, links. */
export const anyCell: fc.Arbitrary<CellSpec> = fc.oneof(
  { weight: 4, arbitrary: nastyString.map((v) => ({ t: 'text' as const, v })) },
  nastyNumber.map((v) => ({ t: 'number' as const, v })),
  fc.boolean().map((v) => ({ t: 'bool' as const, v })),
  isoDate.map((v) => ({ t: 'date' as const, v })),
  // A number in a date-formatted cell, far outside the dates Excel can show.
  fc.oneof(fc.double({ min: -1e6, max: 3e6, noNaN: true }), fc.constantFrom(1e300, -1e300, 2958466, 1e15)).map((v) => ({ t: 'dateNumber' as const, v })),
  fc.record({ f: formulaText, result: fc.oneof(nastyString, nastyNumber, fc.constant(null)) }).map((c) => ({ t: 'formula' as const, ...c })),
  fc.array(nastyString, { minLength: 1, maxLength: 3 }).map((v) => ({ t: 'rich' as const, v })),
  fc.constantFrom('#N/A', '#REF!', '#DIV/0!', '#VALUE!').map((v) => ({ t: 'error' as const, v })),
  nastyString.map((v) => ({ t: 'link' as const, v })),
  fc.constant({ t: 'empty' as const }),
);

/** Values for the columns a person fills in: mostly plausible, with ID numbers valid and invalid. */
const cellFor = (header: string): fc.Arbitrary<CellSpec> => {
  const text = (values: fc.Arbitrary<string>) => values.map((v) => ({ t: 'text' as const, v }));
  switch (header) {
    case '证件号码': return fc.oneof({ weight: 3, arbitrary: text(idNumber) }, fc.stringMatching(/^\d{18}$/).map((v) => ({ t: 'number' as const, v: Number(v) })), anyCell);
    case '出生日期': case '注册志愿者时间': return fc.oneof(isoDate.map((v) => ({ t: 'date' as const, v })), text(fc.constantFrom('2004-02-30', '2004/3/5', '2004年3月5日', '20040305', '1899-12-31', '2999-01-01')), anyCell);
    case '入团年月': case '入党年月': return fc.oneof(text(fc.constantFrom('2019-05', '2019.10', '2019年5月', '201905', '2019-13', '0000-00', '3000-01')), fc.constantFrom(2019.1, 201905, 2019).map((v) => ({ t: 'number' as const, v })), anyCell);
    case '手机号码': return fc.oneof(text(fc.stringMatching(/^1[3-9]\d{9}$/)), text(fc.stringMatching(/^\d{1,20}$/)), anyCell);
    case '团员编号': return fc.oneof(text(fc.stringMatching(/^\d{12}$/)), anyCell);
    default: return anyCell;
  }
};

export type SheetSpec = { name: string; hidden: boolean; headerOffset: number; headers: string[]; rows: CellSpec[][] };
export type WorkbookSpec = { sheets: SheetSpec[] };

const TEMPLATE = IMPORT_COLUMNS.map((c) => c.header);

/** Header rows as cadres get them wrong: reordered, missing, repeated, renamed, with extra columns. */
const headerRow: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(TEMPLATE) },
  fc.shuffledSubarray(TEMPLATE, { minLength: 1 }),
  fc.tuple(fc.constant(TEMPLATE), fc.constantFrom(...TEMPLATE)).map(([all, again]) => [...all, again]),
  fc.tuple(fc.constant(TEMPLATE), fc.array(fc.oneof(nastyString, fc.constantFrom(ERROR_COLUMN_HEADER, '备注', ' 姓 名 ', '姓名（必填）', '证件号码\n')), { minLength: 1, maxLength: 3 }))
    .map(([all, extra]) => [...extra, ...all]),
  fc.array(nastyString, { maxLength: 6 }),
);

/** A sheet: its header row, then a few rows of values aimed at the columns they sit under. */
const sheetSpec = (name: fc.Arbitrary<string>): fc.Arbitrary<SheetSpec> => fc.record({
  name, hidden: fc.boolean(), headerOffset: fc.constantFrom(0, 0, 0, 2), headers: headerRow,
}).chain((sheet) => fc.array(fc.tuple(...sheet.headers.map(cellFor), fc.array(anyCell, { maxLength: 2 })).map(([...cells]) => {
  const extra = cells.pop() as CellSpec[];
  return [...(cells as CellSpec[]), ...extra];
}), { maxLength: 6 }).map((rows) => ({ ...sheet, rows })));

const sheetName = fc.oneof(fc.constant(DATA_SHEET_NAME), fc.constantFrom('Sheet1', '选项', '填写说明'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }));

/** One to three sheets; the data sheet may be missing, hidden or not first. */
export const workbookSpec: fc.Arbitrary<WorkbookSpec> = fc.array(sheetSpec(sheetName), { minLength: 1, maxLength: 3 }).map((sheets) => ({ sheets }));

function cellValue(cell: CellSpec): ExcelJS.CellValue {
  switch (cell.t) {
    case 'text': return cell.v;
    case 'number': return cell.v;
    case 'bool': return cell.v;
    case 'date': return new Date(cell.v);
    case 'dateNumber': return cell.v;
    case 'formula': return { formula: cell.f.replace(/^=/, ''), result: cell.result ?? undefined } as ExcelJS.CellFormulaValue;
    case 'rich': return { richText: cell.v.map((text) => ({ text })) };
    case 'error': return { error: cell.v } as ExcelJS.CellErrorValue;
    case 'link': return { text: cell.v, hyperlink: 'https://example.invalid/' };
    case 'empty': return null;
  }
}

/** The workbook's bytes. Sheet names Excel refuses are replaced, as Excel would not save them either. */
export async function buildWorkbook(spec: WorkbookSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const used = new Set<string>();
  for (const [i, sheetSpecValue] of spec.sheets.entries()) {
    let name = sheetSpecValue.name.replace(/[*?:\\/[\]]/g, '').slice(0, 31);
    if (!name.trim() || used.has(name.toLowerCase()) || /^'|'$/.test(name) || name === 'History') name = `Sheet${i + 1}`;
    used.add(name.toLowerCase());
    const sheet = workbook.addWorksheet(name, { state: sheetSpecValue.hidden && i > 0 ? 'hidden' : 'visible' });
    const row = (values: CellSpec[]) => {
      const r = sheet.addRow(values.map(cellValue));
      values.forEach((cell, c) => {
        if (cell.t === 'dateNumber') r.getCell(c + 1).numFmt = 'yyyy-mm-dd';
      });
    };
    for (let k = 0; k < sheetSpecValue.headerOffset; k++) sheet.addRow([]);
    sheet.addRow(sheetSpecValue.headers);
    for (const values of sheetSpecValue.rows) row(values);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What to do to a built file: keep it, cut it short, or overwrite bytes inside it. */
export type Damage = { kind: 'none' } | { kind: 'truncate'; at: number } | { kind: 'corrupt'; at: number[]; bytes: number[] };

export const damage: fc.Arbitrary<Damage> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) },
  fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }).map((at) => ({ kind: 'truncate' as const, at })),
  fc.record({ at: fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 1, maxLength: 8 }), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 8, maxLength: 8 }) })
    .map((c) => ({ kind: 'corrupt' as const, ...c })),
);

export function applyDamage(bytes: Buffer, how: Damage): Buffer {
  if (how.kind === 'truncate') return bytes.subarray(0, Math.floor(bytes.length * how.at));
  if (how.kind === 'corrupt') {
    const copy = Buffer.from(bytes);
    how.at.forEach((position, i) => (copy[Math.floor(copy.length * position)] = how.bytes[i]!));
    return copy;
  }
  return bytes;
}

/** Raw bytes: none at all, random, or random behind the signature of a zip, PDF, image or old Office file. */
export const rawBytes: fc.Arbitrary<Buffer> = fc.oneof({ weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) }, { weight: 6, arbitrary: fc.tuple(
  fc.constantFrom('', 'PK\x03\x04', 'PK\x05\x06', '%PDF-1.7\n', '\x89PNG\r\n\x1a\n', '\xff\xd8\xff\xe0', 'GIF89a', '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1', '\xff\xfe', '\xfe\xff', '\xef\xbb\xbf'),
  fc.uint8Array({ maxLength: 4096 }),
).map(([magic, rest]) => Buffer.concat([Buffer.from(magic, 'latin1'), Buffer.from(rest)])) });

/** A 工作要点 as lines: headings, numbered items with targets, and anything else. */
export const planLines: fc.Arbitrary<string[]> = fc.array(fc.oneof(
  fc.constantFrom('共青团四川省委2026年工作要点', '总体思路：稳中求进。', '一、服务青年', '二、从严治团', '（一）加强团员发展', '1. 开展青年就业服务。', '——举办招聘活动不少于20场。', '新发展团员不超过1.5万名，覆盖率达到95%以上。'),
  fc.tuple(fc.constantFrom('一、', '（二）', '3.', '——', ''), nastyString, fc.constantFrom('', '不少于', '达到', '超过'), nastyNumber, fc.constantFrom('', '万人', '%', '场', '个')).map((parts) => parts.join('')),
  nastyString,
), { maxLength: 30 });

export type DocumentSpec = { format: 'docx' | 'utf8' | 'utf16le' | 'gb-ish'; lines: string[] };

export const documentSpec: fc.Arbitrary<DocumentSpec> = fc.record({ format: fc.constantFrom('docx' as const, 'docx' as const, 'utf8' as const, 'utf16le' as const, 'gb-ish' as const), lines: planLines });

/** The document's bytes: a Word file, or text in UTF-8, UTF-16 with BOM, or UTF-8 with stray high bytes (as GBK text reads). */
export async function buildDocument(spec: DocumentSpec): Promise<Buffer> {
  if (spec.format === 'docx') {
    // Word cannot hold lone surrogates or most control characters; docx would write them anyway.
    const clean = spec.lines.map((line) => line.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g, ''));
    return Packer.toBuffer(new Document({ sections: [{ children: clean.map((text) => new Paragraph({ children: [new TextRun(text)] })) }] }));
  }
  const text = spec.lines.join('\n');
  if (spec.format === 'utf16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (spec.format === 'gb-ish') return Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0xb9, 0xa4, 0xd7, 0xf7, 0xd2, 0xaa, 0xb5, 0xe3])]);
  return Buffer.from(text, 'utf8');
}

/** A member row the import should take, for person `i` (a birth date per i, ID numbers from Beijing: never a demo member). */
export function goodMemberRow(i: number, branch: { id: number; name: string }): Record<string, string | number> {
  const birth = new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  const joinYear = Number(birth.slice(0, 4)) + 15;
  return {
    所在团支部编号: branch.id, 所在团支部名称: branch.name, 姓名: '李华', 证件类型: '普通居民身份证', 证件号码: makeResidentId('110105', birth, 100 + (i % 800), i % 2 ? 'male' : 'female'),
    民族: '汉族', 政治面貌: '共青团员', 职业: '学生', 入团年月: `${joinYear}-05`, 团员编号: `${joinYear}77${String(i).padStart(6, '0')}`,
  };
}
