import ExcelJS from '../../../platform/excel/exceljs.ts';
import type { FileStorage } from '../../../platform/files/file-storage.ts';
import { singleSheetStream, type XlsxPackage } from '../../../platform/files/xlsx-package.ts';
import { DATA_SHEET_NAME } from './import-columns.ts';

/** A cell as read: text, number, boolean, date, an Excel error value, or nothing. */
export type RawCell = string | number | boolean | Date | { error: string } | null;

/** One spreadsheet row; `cells[c]` is column c (1-based, so cells[0] is always null). */
export type SheetRow = { number: number; cells: RawCell[] };

/** The sheet to import: 团员信息 when present, else the first visible sheet. */
export function pickDataSheet(pkg: XlsxPackage): number {
  const named = pkg.sheets.findIndex((s) => s.name === DATA_SHEET_NAME);
  if (named >= 0) return named;
  const visible = pkg.sheets.findIndex((s) => !s.hidden);
  return visible >= 0 ? visible : 0;
}

/**
 * The rows of one sheet, streamed: exceljs's WorkbookReader over the checked single-sheet archive,
 * so memory holds the shared strings and one row at a time, whatever the number of rows.
 * Rows Excel did not write (never touched) are not produced.
 */
export async function* readSheetRows(storage: FileStorage, pkg: XlsxPackage, sheetIndex: number): AsyncGenerator<SheetRow> {
  const source = singleSheetStream(storage, pkg, sheetIndex);
  // styles: 'cache' is what lets exceljs tell a date cell from a number.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: RawCell[] = [null];
        for (let c = 1; c < values.length; c++) cells.push(toRawCell(values[c]));
        yield { number: row.number, cells };
      }
    }
  } finally {
    source.destroy();
  }
}

/** exceljs cell values (rich text, formulas, hyperlinks…) reduced to what a person typed or sees. */
export function toRawCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  // A number in a date-formatted cell beyond the dates Excel can show (it displays ####) reads as an
  // invalid Date; it is kept as the error value it is, so no check has to guard against it.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { error: '#NUM!' } : value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value !== 'object') return null;
  const v = value as { richText?: { text?: string }[]; result?: unknown; formula?: string; sharedFormula?: string; text?: unknown; error?: string };
  if (Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
  // A formula counts as the value it last showed; the formula itself is never kept.
  if ('formula' in v || 'sharedFormula' in v) return toRawCell(v.result);
  if (typeof v.error === 'string') return { error: v.error };
  if (v.text !== undefined) return toRawCell(v.text);
  return null;
}

/** True when every cell is empty or blank text. */
export function isBlankRow(cells: readonly RawCell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}
