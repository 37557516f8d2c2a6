import { PassThrough } from 'node:stream';
import ExcelJS from '../../../platform/excel/exceljs.ts';
import { neutralizeFormula } from '../../../platform/excel/neutralize-formula.ts';
import { rule } from '../../../platform/rules/rules.ts';
import { DATA_SHEET_NAME, ERROR_COLUMN_HEADER, IMPORT_COLUMNS, normalizeLabel, type ImportColumn } from './import-columns.ts';
import { addDropdown, OPTIONS_SHEET, writeOptionLists } from './import-dropdowns.ts';
import type { ImportSource } from './check-import-file.ts';
import { isBlankRow, readSheetRows, type RawCell } from './import-row-reader.ts';
import type { Problem } from './import-row-checker.ts';

const ERROR_FONT = { color: { argb: 'FFC00000' } };
const ERROR_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE9E7' } } as const;

/**
 * 错误清单: the uploaded sheet with every row kept in its place and a first column 错误说明
 * listing each row's problems, blank for good rows.
 *
 * Why every row and not only the bad ones: nothing was imported, so the cadre has to upload the
 * whole file again anyway. With every row kept, they filter 错误说明, fix the rows in this very
 * workbook and upload it as it is (the importer ignores 错误说明); row numbers still match their
 * own copy. A list of only the bad rows would have to be merged back by hand, which is where new
 * mistakes come from.
 */
export async function writeErrorWorkbook(source: ImportSource, problems: Map<number, Problem[]>, write: (stream: PassThrough) => Promise<unknown>): Promise<void> {
  const stream = new PassThrough();
  const stored = write(stream);
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
    const sheet = workbook.addWorksheet(DATA_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
    let layout: (ImportColumn | null)[] | null = null;
    let oldErrorColumn = -1;
    let lastRow = 1;
    for await (const row of readSheetRows(source.storage, source.pkg, source.sheetIndex)) {
      const cells = row.cells.slice(1);
      if (!layout) {
        if (isBlankRow(cells)) continue;
        // The first row read is the header (as in phase 1); a 错误说明 from an earlier round is replaced, not repeated.
        oldErrorColumn = cells.findIndex((c) => typeof c === 'string' && normalizeLabel(c) === ERROR_COLUMN_HEADER);
        if (oldErrorColumn >= 0) cells.splice(oldErrorColumn, 1);
        layout = cells.map((c) => (typeof c === 'string' ? IMPORT_COLUMNS.find((k) => normalizeLabel(k.header) === normalizeLabel(c)) ?? null : null));
        sheet.columns = [
          { width: 60, style: { alignment: { wrapText: true, vertical: 'top' } } },
          ...layout.map((column) => ({ width: column?.width ?? 14, ...(column?.asText ? { style: { numFmt: '@' } } : {}) })),
        ];
        const header = sheet.getRow(row.number);
        header.values = [ERROR_COLUMN_HEADER, ...cells.map((c) => cellOut(c, null))];
        header.font = { bold: true };
        header.commit();
        continue;
      }
      if (oldErrorColumn >= 0) cells.splice(oldErrorColumn, 1);
      lastRow = row.number;
      const rowProblems = problems.get(row.number);
      const out = sheet.getRow(row.number);
      out.values = [rowProblems ? describe(rowProblems) : null, ...cells.map((c, i) => cellOut(c, layout![i] ?? null))];
      if (rowProblems) {
        out.getCell(1).font = ERROR_FONT;
        out.getCell(1).fill = ERROR_FILL;
      }
      out.commit();
    }
    const width = (layout?.length ?? 0) + 1;
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: width } };
    // The same dropdowns as the template, shifted one column right by 错误说明, with room for added rows.
    const options = workbook.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });
    const ranges = writeOptionLists(options);
    layout?.forEach((column, i) => {
      if (column?.items) addDropdown(sheet, column, i + 2, ranges.get(column.items)!, Math.min(lastRow + 1000, rule('import.maxRows') + 1));
    });
    sheet.commit();
    options.commit();
    await workbook.commit();
  } catch (error) {
    stream.destroy(error as Error);
    throw error;
  } finally {
    await stored;
  }
}

/** "1. 证件号码：…" lines; one numbered line per problem. */
function describe(problems: Problem[]): string {
  return problems.map((p, i) => `${i + 1}. ${p.zh}`).join('\n');
}

/** A cell written back as the cadre typed it; text that Excel would run as a formula is neutralized. */
function cellOut(cell: RawCell, column: ImportColumn | null): string | number | boolean | null {
  if (cell === null) return null;
  if (cell instanceof Date) return column?.kind === 'month' ? cell.toISOString().slice(0, 7) : cell.toISOString().slice(0, 10);
  if (typeof cell === 'object') return neutralizeFormula(`#${cell.error.replace(/^#/, '')}`) as string;
  return neutralizeFormula(cell);
}
