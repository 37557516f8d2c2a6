import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { FileStorage } from '../../../platform/files/file-storage.ts';
import type { XlsxPackage } from '../../../platform/files/xlsx-package.ts';
import type { BlindIndex } from '../../../platform/pii/blind-index.ts';
import { rule } from '../../../platform/rules/rules.ts';
import type { DataScope } from '../../../platform/scope/data-scope.ts';
import { ImportFileChecks } from './import-file-checks.ts';
import { isBlankRow, readSheetRows, type RawCell } from './import-row-reader.ts';
import { makeRowChecker, readHeader, type CheckedRow, type HeaderLayout, type Problem } from './import-row-checker.ts';

export type ImportSource = { storage: FileStorage; pkg: XlsxPackage; sheetIndex: number };

/** Phase 1's verdict. A file problem (no header, no rows, too many rows) stops before any row is judged. */
export type FileCheck = { dataRows: number; fileProblems: Problem[]; rowProblems: Map<number, Problem[]>; orgIds: number[] };

type SheetEvent = { kind: 'header'; layout: HeaderLayout; problems: Problem[] } | { kind: 'row'; number: number; cells: RawCell[] };

/**
 * The first non-empty row is the header; after it, the data rows that hold anything besides an
 * 错误说明 left over from an earlier error workbook.
 */
async function* sheetEvents(source: ImportSource): AsyncGenerator<SheetEvent> {
  let layout: HeaderLayout | null = null;
  for await (const row of readSheetRows(source.storage, source.pkg, source.sheetIndex)) {
    if (!layout) {
      if (isBlankRow(row.cells)) continue;
      const header = readHeader(row.cells);
      layout = header.layout;
      yield { kind: 'header', ...header };
      continue;
    }
    const cells = layout.errorColumn === null ? row.cells : row.cells.map((c, i) => (i === layout!.errorColumn ? null : c));
    if (!isBlankRow(cells)) yield { kind: 'row', number: row.number, cells };
  }
}

/** Phase 1: read every row, collect every problem of every row, then the file-wide checks. */
export async function checkImportFile(options: {
  db: Kysely<Database>;
  scope: DataScope;
  blindIndex: BlindIndex;
  source: ImportSource;
  today: string;
  onProgress: (rowsRead: number) => Promise<void>;
  progressEvery: number;
  /** Receives the checked rows for phase 2 while every row so far passed; after the first problem nothing will be imported. */
  keep?: (row: CheckedRow) => Promise<void>;
}): Promise<FileCheck> {
  const rowProblems = new Map<number, Problem[]>();
  const fileChecks = new ImportFileChecks();
  let dataRows = 0;
  const fileProblem = (code: string, zh: string, en: string): FileCheck => ({ dataRows, fileProblems: [{ column: null, code, zh, en }], rowProblems, orgIds: [] });
  let checkRow: ReturnType<typeof makeRowChecker> | null = null;
  for await (const event of sheetEvents(options.source)) {
    if (event.kind === 'header') {
      if (event.problems.length > 0) return { dataRows, fileProblems: event.problems, rowProblems, orgIds: [] };
      checkRow = makeRowChecker(event.layout, options.blindIndex, options.today);
      continue;
    }
    dataRows++;
    if (dataRows > rule('import.maxRows')) {
      return fileProblem('too_many_rows', `文件超过${rule('import.maxRows')}行，请拆分为多个文件分别上传`, `the file has more than ${rule('import.maxRows')} rows; split it into several files`);
    }
    const result = checkRow!(event.cells);
    if (result.problems.length > 0) rowProblems.set(event.number, result.problems);
    else if (options.keep && rowProblems.size === 0) await options.keep(result.row!);
    fileChecks.add(event.number, result.keys);
    if (dataRows % options.progressEvery === 0) await options.onProgress(dataRows);
  }
  if (!checkRow) return fileProblem('empty_file', '文件是空的：第1行应为列名，从第2行开始每行一名团员', 'the file is empty: the first row holds the column names, members follow from row 2');
  if (dataRows === 0) return fileProblem('no_rows', '文件中没有团员数据：请从第2行开始填写', 'the file has no member rows; fill them in from row 2');
  for (const [row, problems] of await fileChecks.problems(options.db, options.scope)) {
    rowProblems.set(row, [...(rowProblems.get(row) ?? []), ...problems]);
  }
  return { dataRows, fileProblems: [], rowProblems, orgIds: fileChecks.orgIds };
}
