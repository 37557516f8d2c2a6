import { AppError } from '../../../platform/http/app-error.ts';
import type { BlindIndex } from '../../../platform/pii/blind-index.ts';
import { checkMemberFields, type CheckedIdentity, type MemberFields } from '../member-input.ts';
import { parseResidentId } from '../resident-id.ts';
import {
  columnByKey, ERROR_COLUMN_HEADER, IMPORT_COLUMNS, labelLookup, normalizeLabel, type ColumnKey, type ImportColumn,
} from './import-columns.ts';
import type { RawCell } from './import-row-reader.ts';

/** One problem of a row (or of the whole file when `column` is null), Chinese first. */
export type Problem = { column: string | null; code: string; zh: string; en: string };

/** Where each known column sits in the uploaded sheet. */
export type HeaderLayout = { positions: Map<ColumnKey, number>; errorColumn: number | null };

/** A row that passed every check of its own, ready to insert once the file-wide checks pass too. */
export type CheckedRow = { orgId: number; fields: MemberFields & Required<Pick<MemberFields, 'name' | 'ethnicity' | 'politicalStatus' | 'occupation' | 'joinedLeagueOn'>>; identity: CheckedIdentity };

/**
 * What the file-wide checks need from a row, filled in as far as the row allows even when it has
 * problems, so that a row with a bad phone number is still reported as a duplicate if it is one.
 */
export type RowKeys = { orgId: number | null; orgName: string | null; idIndex: string | null; developmentNumber: string | null };

export type RowCheck = { row: CheckedRow | null; keys: RowKeys; problems: Problem[] };

const problem = (column: ImportColumn | null, code: string, zh: string, en: string): Problem => ({
  column: column?.header ?? null, code, zh: column ? `${column.header}：${zh}` : zh, en: column ? `${column.header}: ${en}` : en,
});

/** Find the known columns in the header row; a missing required column or a repeated one is a problem of the file. */
export function readHeader(cells: readonly RawCell[]): { layout: HeaderLayout; problems: Problem[] } {
  const byHeader = new Map(IMPORT_COLUMNS.map((c) => [normalizeLabel(c.header), c]));
  const positions = new Map<ColumnKey, number>();
  let errorColumn: number | null = null;
  const problems: Problem[] = [];
  cells.forEach((cell, index) => {
    if (typeof cell !== 'string') return;
    const text = normalizeLabel(cell);
    if (text === ERROR_COLUMN_HEADER) {
      errorColumn = index;
      return;
    }
    const column = byHeader.get(text);
    if (!column) return;
    if (positions.has(column.key)) problems.push(problem(null, 'duplicate_column', `第1行有两个“${column.header}”列，请删除其中一列`, `the header row has two "${column.header}" columns; remove one`));
    positions.set(column.key, index);
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required === true && !positions.has(c.key)).map((c) => c.header);
  if (missing.length > 0) {
    problems.push(problem(null, 'missing_columns', `缺少必填列：${missing.join('、')}。请使用下载的模板，不要修改第1行的列名`, `missing required columns: ${missing.join(', ')}; use the template and keep its header row`));
  }
  return { layout: { positions, errorColumn }, problems };
}

/** Label lookups built once per job, not once per row. */
export type RowChecker = (cells: readonly RawCell[]) => RowCheck;

/** The per-row checks: required values, enumerations by label, dates and months, then checkMemberFields. */
export function makeRowChecker(layout: HeaderLayout, blindIndex: BlindIndex, today: string): RowChecker {
  const lookups = new Map(IMPORT_COLUMNS.filter((c) => c.items).map((c) => [c.key, labelLookup(c)]));
  return (cells) => {
    const problems: Problem[] = [];
    const keys: RowKeys = { orgId: null, orgName: null, idIndex: null, developmentNumber: null };
    const values = new Map<ColumnKey, string>();
    for (const column of IMPORT_COLUMNS) {
      const position = layout.positions.get(column.key);
      const cell = position === undefined ? null : cells[position] ?? null;
      const read = readCell(column, cell);
      if ('problem' in read) problems.push(read.problem);
      else if (read.value !== null) values.set(column.key, read.value);
    }
    const idType = decode('idType', values.get('idType'), lookups, problems);
    for (const column of IMPORT_COLUMNS) {
      const required = column.required === true || (column.required === 'foreign' && idType === 'foreign');
      if (required && !values.has(column.key) && !problems.some((p) => p.column === column.header)) {
        problems.push(problem(column, 'required', '必填', 'is required'));
      }
    }

    const orgIdText = values.get('orgId');
    if (orgIdText !== undefined) {
      if (/^[1-9]\d{0,9}$/.test(orgIdText) && Number(orgIdText) <= 2147483647) keys.orgId = Number(orgIdText);
      else problems.push(problem(columnByKey.get('orgId')!, 'invalid_org_id', '应为组织编号（正整数）', 'must be an organization number (a positive integer)'));
    }
    keys.orgName = values.get('orgName') ?? null;

    const input: MemberFields = {
      name: values.get('name'),
      idType: idType ?? undefined,
      idNumber: values.get('idNumber'),
      birthDate: values.get('birthDate'),
      sex: decode('sex', values.get('sex'), lookups, problems) ?? undefined,
      ethnicity: decode('ethnicity', values.get('ethnicity'), lookups, problems) ?? undefined,
      politicalStatus: decode('politicalStatus', values.get('politicalStatus'), lookups, problems) ?? undefined,
      educationFullTime: decode('educationFullTime', values.get('educationFullTime'), lookups, problems),
      educationHighest: decode('educationHighest', values.get('educationHighest'), lookups, problems),
      occupation: decode('occupation', values.get('occupation'), lookups, problems) ?? undefined,
      incomeBand: decode('incomeBand', values.get('incomeBand'), lookups, problems),
      joinedLeagueOn: values.get('joinedLeagueOn'),
      developmentNumber: values.get('developmentNumber') ?? null,
      leaguePost: decode('leaguePost', values.get('leaguePost'), lookups, problems),
      isCadre: decode('isCadre', values.get('isCadre'), lookups, problems) === 'yes',
      cadreNature: decode('cadreNature', values.get('cadreNature'), lookups, problems),
      phone: values.get('phone') ?? null,
      joinedPartyOn: values.get('joinedPartyOn') ?? null,
      volunteerRegisteredOn: values.get('volunteerRegisteredOn') ?? null,
      household: values.get('household') ?? null,
      workplace: values.get('workplace') ?? null,
    };
    // Without a readable 证件类型 the number cannot be checked by the right rules; the type's problem is reported already.
    if (input.idNumber === undefined || idType === null) {
      delete input.idNumber;
      delete input.idType;
    }
    const alreadyBad = new Set(problems.map((p) => p.column));
    let checked: ReturnType<typeof checkMemberFields> | null = null;
    try {
      checked = checkMemberFields(input, null, today);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      for (const field of error.fields) {
        const column = columnByKey.get(field.field as ColumnKey) ?? null;
        // A value already reported as unreadable is not reported again as invalid.
        if (column && alreadyBad.has(column.header) && field.code === 'required') continue;
        problems.push(problem(column, field.code, field.message.zh, field.message.en));
      }
    }
    const identity = checked?.identity ?? null;
    const personKey = identity?.idNumber ?? identityKey(input.idType, input.idNumber, today);
    if (personKey) keys.idIndex = blindIndex.of('resident_id', personKey);
    const developmentNumber = checked?.fields.developmentNumber ?? input.developmentNumber?.trim();
    if (developmentNumber && /^\d{12}$/.test(developmentNumber)) keys.developmentNumber = developmentNumber;

    if (problems.length > 0 || !checked || !identity || keys.orgId === null) return { row: null, keys, problems };
    return { row: { orgId: keys.orgId, fields: checked.fields as CheckedRow['fields'], identity }, keys, problems };
  };
}

/**
 * The number a duplicate check compares, as checkMemberFields would store it, even when other
 * fields of the row are wrong: a person already registered is reported along with a bad month.
 */
function identityKey(idType: string | undefined, idNumber: string | undefined, today: string): string | null {
  if (idNumber === undefined || idType === undefined) return null;
  if (idType !== 'resident') return idNumber.trim().toUpperCase();
  const parsed = parseResidentId(idNumber, today);
  return parsed.ok ? parsed.value.number : null;
}

/** A label to its code; an unknown label is a problem naming the column and the value. */
function decode(key: ColumnKey, label: string | undefined, lookups: Map<ColumnKey, Map<string, string>>, problems: Problem[]): string | null {
  if (label === undefined) return null;
  const code = lookups.get(key)?.get(normalizeLabel(label));
  if (code !== undefined) return code;
  const column = columnByKey.get(key)!;
  problems.push(problem(column, 'unknown_value', `“${label}”不是可选的值，请从下拉列表中选择`, `"${label}" is not one of the allowed values; choose one from the list`));
  return null;
}

type CellRead = { value: string | null } | { problem: Problem };

/** A cell as the text the checks expect (dates YYYY-MM-DD, months YYYY-MM), or why it cannot be read. */
export function readCell(column: ImportColumn, cell: RawCell): CellRead {
  if (cell === null) return { value: null };
  if (typeof cell === 'object' && !(cell instanceof Date)) {
    return { problem: problem(column, 'cell_error', `单元格是错误值（${cell.error}），请填写实际内容`, `the cell holds an error value (${cell.error}); enter the actual value`) };
  }
  if (typeof cell === 'boolean') return { value: cell ? '是' : '否' };
  switch (column.kind) {
    case 'date':
      return readDate(column, cell);
    case 'month':
      return readMonth(column, cell);
    default:
      return readText(column, cell);
  }
}

function readText(column: ImportColumn, cell: string | number | Date): CellRead {
  let text: string;
  if (cell instanceof Date) text = cell.toISOString().slice(0, 10);
  else if (typeof cell === 'number') {
    // Excel keeps 15 significant digits: an 18-digit ID typed into a number cell has lost its end.
    if (!Number.isSafeInteger(cell) || (column.asText && String(cell).length > 15)) {
      return { problem: problem(column, 'number_format', '被Excel保存成了数字，末几位可能已丢失；请把该列设为“文本”格式后重新输入', 'Excel stored it as a number and may have dropped digits; format the column as text and enter it again') };
    }
    text = String(cell);
  } else text = cell;
  // The error workbook writes text that looks like a formula with a leading apostrophe; take it off again.
  text = text.replace(/^'(?=[=+\-@\t\r\0])/, '').trim();
  // Numbers typed with a Chinese input method arrive full-width (１３９…); fold them where digits are expected.
  if (column.asText || column.kind === 'integer') text = text.normalize('NFKC').replace(/\s+/g, '');
  if (text === '') return { value: null };
  if (column.maxLength !== undefined && [...text].length > column.maxLength) {
    return { problem: problem(column, 'too_long', `不能超过${column.maxLength}个字`, `must be at most ${column.maxLength} characters`) };
  }
  return { value: text };
}

const pad = (n: string | number) => String(n).padStart(2, '0');

function readDate(column: ImportColumn, cell: string | number | Date): CellRead {
  const bad = () => ({ problem: problem(column, 'invalid_date', '日期格式应为 YYYY-MM-DD（如 2004-03-15）', 'must be a date, YYYY-MM-DD (e.g. 2004-03-15)') });
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? bad() : { value: cell.toISOString().slice(0, 10) };
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 19000101 && cell <= 29991231) return readDate(column, String(cell));
    return bad();
  }
  const text = cell.normalize('NFKC').trim();
  if (text === '') return { value: null };
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  return m ? { value: `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}` } : bad();
}

function readMonth(column: ImportColumn, cell: string | number | Date): CellRead {
  const bad = () => ({ problem: problem(column, 'invalid_month', '格式应为 YYYY-MM（如 2019-05）', 'must be a month, YYYY-MM (e.g. 2019-05)') });
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? bad() : { value: cell.toISOString().slice(0, 7) };
  // 2019.10 typed into a number cell arrives as 2019.1: a decimal cannot be read back safely.
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 190001 && cell <= 299912 ? readMonth(column, String(cell)) : bad();
  const text = cell.normalize('NFKC').trim();
  if (text === '') return { value: null };
  const m = /^(\d{4})[-/.年](\d{1,2})(?:月|[-/.]\d{1,2}日?)?$/.exec(text) ?? /^(\d{4})(\d{2})$/.exec(text);
  return m ? { value: `${m[1]}-${pad(m[2]!)}` } : bad();
}
