import type ExcelJS from 'exceljs';
import type { EnumItem } from '../../org/org-enums.ts';
import { IMPORT_COLUMNS, type ImportColumn } from './import-columns.ts';

/** The hidden sheet holding the dropdown lists. */
export const OPTIONS_SHEET = '选项';

/**
 * Write every enumeration's labels into the options sheet, one list per column of that sheet
 * (row by row, so it also works on a streaming worksheet), and return each list's range. Lists
 * live on a sheet because a list typed into a validation may not exceed 255 characters.
 */
export function writeOptionLists(sheet: ExcelJS.Worksheet): Map<readonly EnumItem[], string> {
  const lists = [...new Set(IMPORT_COLUMNS.flatMap((c) => (c.items ? [c.items] : [])))];
  const titles = lists.map((items) => IMPORT_COLUMNS.find((c) => c.items === items)!.header);
  sheet.addRow(titles).commit();
  const longest = Math.max(...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) sheet.addRow(lists.map((items) => items[i]?.zh ?? null)).commit();
  return new Map(
    lists.map((items, index) => {
      const letter = columnLetter(index + 1);
      return [items, `'${OPTIONS_SHEET}'!$${letter}$2:$${letter}$${items.length + 1}`];
    }),
  );
}

/** A dropdown on column `columnNumber`, rows 2..lastRow, listing `range`. */
export function addDropdown(sheet: ExcelJS.Worksheet, column: ImportColumn, columnNumber: number, range: string, lastRow: number): void {
  const letter = columnLetter(columnNumber);
  // exceljs implements worksheet.dataValidations (also on streaming sheets) but its typings omit it.
  (sheet as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
    type: 'list',
    allowBlank: true,
    formulae: [range],
    showErrorMessage: true,
    // Education also accepts 智慧团建's shorter labels, so a pasted 本科 is a warning, not a stop.
    errorStyle: column.aliases ? 'warning' : 'stop',
    errorTitle: column.header,
    error: `请从下拉列表中选择${column.header}`,
  });
}

/** 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let letters = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) letters = String.fromCharCode(65 + ((x - 1) % 26)) + letters;
  return letters;
}
