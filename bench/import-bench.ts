import crypto from 'node:crypto';
import path from 'node:path';
import type { CompiledQuery } from 'kysely';
import { pinyin } from 'pinyin-pro';
import { systemActor } from '../src/platform/audit/audit-log.ts';
import type { Db } from '../src/platform/db/connect.ts';
import type { NewMemberRow, OrganizationRow } from '../src/platform/db/schema.ts';
import { LocalFileStorage } from '../src/platform/files/local-file-storage.ts';
import { openXlsxPackage } from '../src/platform/files/xlsx-package.ts';
import type { BlindIndex } from '../src/platform/pii/blind-index.ts';
import type { FieldCipher } from '../src/platform/pii/field-cipher.ts';
import { DataScope } from '../src/platform/scope/data-scope.ts';
import type { ServiceContext } from '../src/platform/service-context.ts';
import { todayInChina } from '../src/platform/time/china-date.ts';
import { checkImportFile, type ImportSource } from '../src/modules/members/import/check-import-file.ts';
import { EncryptedSpill } from '../src/platform/files/encrypted-spill.ts';
import { makeRowChecker, readHeader, type CheckedRow } from '../src/modules/members/import/import-row-checker.ts';
import { isBlankRow, pickDataSheet, readSheetRows, type RawCell } from '../src/modules/members/import/import-row-reader.ts';
import { insertImportedMembers } from '../src/modules/members/import/insert-imported-members.ts';
import { zipLimits } from '../src/modules/members/import/submit-member-import.ts';
import { newMemberRow } from '../src/modules/members/member-row.ts';
import { SequenceAllocator } from '../src/modules/members/seed/demo-members.ts';
import { setExcelJsUtf8Fix } from './exceljs-utf8-fix.ts';
import { writeImportWorkbook } from './import-workbook.ts';
import { applyToPath, applyToPaths } from '../src/modules/members/stats/apply-member-stats.ts';
import { contributionOf, type Contribution } from '../src/modules/members/stats/member-contribution.ts';
import { idsOnPath } from '../src/platform/scope/path-ids.ts';
import { MEMBER_INSERT_BATCH, timeRolledBackInserts } from './member-insert-baseline.ts';
import { yieldToEventLoop } from './yield-to-signals.ts';

export type ImportResult = {
  county: { id: number; name: string; path: string; branches: number };
  rows: number;
  workbookBytes: number;
  /** Generating the workbook (not part of the import). */
  workbookWriteMs: number;
  /** The product's import, as ImportJobRunner runs it: package checks, phase 1 (check), phase 2 (insert). */
  packageMs: number;
  checkMs: number;
  insertMs: number;
  totalMs: number;
  rowsPerSecond: number;
  /** Plain multi-row INSERTs (500 rows) of 100,000 rows shaped exactly like the import's, into the loaded `member` table in one transaction, rolled back. */
  rawInsert: { rows: number; ms: number; rowsPerSecond: number };
  /** Where the time goes, each part timed on its own (milliseconds over all rows, one pass). */
  parts: {
    /** exceljs streaming the sheet (package cut-down, inflate, XML, shared strings) and toRawCell: once, in phase 1. */
    read: number;
    /** makeRowChecker over every row (labels, dates, checkMemberFields, resident-ID check digit, the blind index of the ID): once, in phase 1. */
    rowChecks: number;
    /** Phase 1 minus the read and the row checks: writing the checked rows to the encrypted spill and the file-wide checks (duplicates, branches, registered people: database lookups in chunks of 500). */
    fileChecks: number;
    /** Reading the checked rows back from the encrypted spill (decrypt, JSON.parse): phase 2's input. */
    spillRead: number;
    /** newMemberRow over every checked row, all of it… */
    rowBuild: number;
    /** …of which FieldCipher.encrypt of the ID and the phone (AES-256-GCM, a random nonce each), */
    encrypt: number;
    /** …HMAC-SHA-256 blind indexes of the ID and the phone, */
    blindIndex: number;
    /** …and pinyin initials of the name with pinyin-pro directly (what pinyinInitials pays on a cache miss). */
    pinyin: number;
    /** Kysely building and compiling the 200 INSERTs of 500 rows. */
    compile: number;
    /** The same INSERTs, compiled, executed (= rawInsert.ms). */
    execute: number;
    /** Phase 2 minus (spill read + row build + compile + execute): counters (applyToPaths), the audit entry, the transaction and the generator plumbing. */
    insertRest: number;
  };
  /**
   * The counter update at the end of phase 2, alone, each in a transaction rolled back: once per
   * branch with applyToPath (what the import did before commit 12d9f6a: every ancestor's counter
   * rows upserted once per branch below it), and with applyToPaths (what it does now: summed per
   * ancestor first, each counter row upserted once).
   */
  counters: { branches: number; perBranchMs: number; perBranchRows: number; mergedMs: number; mergedRows: number };
  /** Distinct names in the file (what pinyin-pro was asked for). */
  distinctNames: number;
  /** Rows with a U+FFFD in some cell when exceljs reads the file as shipped (without exceljs-utf8-fix.ts). */
  garbledRowsWithoutFix: number;
};

type Keys = { cipher: FieldCipher; blindIndex: BlindIndex; auditKey: Buffer };

/**
 * Time the product's Excel import of a generated workbook into a county (as the county's post,
 * 本级及下级), phase by phase exactly as ImportJobRunner runs it (minus the job-row bookkeeping:
 * claim, a progress UPDATE every 500 rows, finish), then time its parts on their own: reading,
 * row checks, building rows (encryption, blind indexes, pinyin), Kysely compiling, and the engine
 * executing the same INSERTs, which is also the raw baseline.
 */
export async function benchImport(db: Db, keys: Keys, county: OrganizationRow, tempDir: string, rows: number, log: (line: string) => void): Promise<ImportResult> {
  const today = todayInChina();
  const branchRows = await db.selectFrom('organization').select(['id', 'name', 'path', 'region_code']).where('type', '=', 'branch').where('status', '=', 'active')
    .where('path', 'like', `${county.path}%`).orderBy('id').execute();
  const branches = branchRows.map((b) => ({ id: b.id, name: b.name, regionCode: b.region_code ?? county.region_code ?? '510000' }));
  const branchById = new Map(branchRows.map((b) => [b.id, b]));
  const storage = new LocalFileStorage(path.join(tempDir, 'files'));
  const sequences = new SequenceAllocator(0, 499);

  log(`${db.engine}: writing a ${rows.toLocaleString('en-US')}-row import workbook for ${county.name} (${branches.length} branches)`);
  const workbook = await writeImportWorkbook(storage, 'member-imports/bench/upload.xlsx', tempDir, branches, rows, { seed: 2026, serialBase: 90_000_000, sequences, today });

  const scope = DataScope.forPost({ kind: 'subtree', orgId: county.id, orgPath: county.path, userId: 0 });
  const ctx: ServiceContext = { db, ...keys, scope, actor: { ...systemActor, username: 'bench', postLabel: `${county.name} · 管理员` } };

  // exceljs as shipped garbles characters split across chunks (see exceljs-utf8-fix.ts): count the rows it would hurt.
  let garbledRows = 0;
  setExcelJsUtf8Fix(false);
  try {
    const probe = await openXlsxPackage(storage, workbook.key, zipLimits());
    for await (const row of readSheetRows(storage, probe, pickDataSheet(probe))) {
      if (row.cells.some((c) => typeof c === 'string' && c.includes('\uFFFD'))) garbledRows++;
    }
  } finally {
    setExcelJsUtf8Fix(true);
  }

  // ---- The product's import, phase by phase.
  log(`${db.engine}: import — package checks and phase 1 (check every row)`);
  let started = performance.now();
  const pkg = await openXlsxPackage(storage, workbook.key, zipLimits());
  const source: ImportSource = { storage, pkg, sheetIndex: pickDataSheet(pkg) };
  const packageMs = performance.now() - started;

  started = performance.now();
  const spill = await EncryptedSpill.create<CheckedRow>();
  const check = await checkImportFile({ db, scope, blindIndex: keys.blindIndex, source, today, progressEvery: 500, onProgress: () => yieldToEventLoop(), keep: (row) => spill.append(row) });
  await spill.finish();
  const checkMs = performance.now() - started;
  if (check.fileProblems.length > 0 || check.rowProblems.size > 0) {
    const first = [...check.fileProblems.map((p) => p.zh), ...[...check.rowProblems].flatMap(([row, problems]) => problems.map((p) => `row ${row}: ${p.zh}`))].slice(0, 5).join('; ');
    throw new Error(`the generated workbook does not pass the import's checks (${check.rowProblems.size} bad rows): ${first}`);
  }

  log(`${db.engine}: import — phase 2 (insert ${check.dataRows.toLocaleString('en-US')} rows in one transaction)`);
  started = performance.now();
  const imported = await insertImportedMembers(ctx, { rows: spill.values(), orgIds: check.orgIds, jobId: crypto.randomUUID(), expectedRows: check.dataRows });
  const insertMs = performance.now() - started;
  started = performance.now();
  let spilled = 0;
  for await (const _ of spill.values()) spilled++;
  const spillRead = performance.now() - started;
  await spill.dispose();
  if (spilled !== rows) throw new Error(`the spill held ${spilled} rows, expected ${rows}`);
  if (imported !== rows) throw new Error(`imported ${imported} rows, expected ${rows}`);
  const totalMs = packageMs + checkMs + insertMs;

  // ---- Its parts, one at a time.
  log(`${db.engine}: import — timing the parts on their own`);
  started = performance.now();
  const cells: RawCell[][] = [];
  for await (const row of readSheetRows(storage, pkg, source.sheetIndex)) cells.push(row.cells);
  const read = performance.now() - started;

  const headerIndex = cells.findIndex((c) => !isBlankRow(c));
  const { layout } = readHeader(cells[headerIndex]!);
  const checkRow = makeRowChecker(layout, keys.blindIndex, today);
  const dataCells = cells.slice(headerIndex + 1).filter((c) => !isBlankRow(c));
  started = performance.now();
  const checked: CheckedRow[] = [];
  for (const c of dataCells) checked.push(checkRow(c).row!);
  const rowChecks = performance.now() - started;

  const now = new Date().toISOString();
  started = performance.now();
  const built: NewMemberRow[] = checked.map((r) => newMemberRow(keys, branchById.get(r.orgId)!, r.fields, r.identity, now));
  const rowBuild = performance.now() - started;

  started = performance.now();
  for (const r of checked) {
    keys.cipher.encrypt(r.identity.idNumber);
    if (r.fields.phone) keys.cipher.encrypt(r.fields.phone);
  }
  const encrypt = performance.now() - started;
  started = performance.now();
  for (const r of checked) {
    keys.blindIndex.of('resident_id', r.identity.idNumber);
    if (r.fields.phone) keys.blindIndex.of('phone', r.fields.phone);
  }
  const blindIndexMs = performance.now() - started;
  const names = [...new Set(checked.map((r) => r.fields.name))];
  started = performance.now();
  for (const name of names) pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase().replace(/[^a-z0-9]/g, '');
  const pinyinMs = performance.now() - started;

  // The same rows with other keys (the imported ones are now taken): another ID blind index and 团员编号.
  const shadow = built.map((r) => ({
    ...r,
    id_number_index: keys.blindIndex.of('resident_id', `${r.id_number_index}#bench`),
    development_number: r.development_number ? `${r.development_number.slice(0, 4)}8${r.development_number.slice(5)}` : null,
  }));
  started = performance.now();
  const compiled: CompiledQuery[] = [];
  for (let i = 0; i < shadow.length; i += MEMBER_INSERT_BATCH) compiled.push(db.insertInto('member').values(shadow.slice(i, i + MEMBER_INSERT_BATCH)).compile());
  const compile = performance.now() - started;

  log(`${db.engine}: import — raw baseline: the same INSERTs into member, one transaction, rolled back`);
  const rawInsert = await timeRolledBackInserts(db, compiled);
  if (rawInsert.rows !== rows) throw new Error(`raw insert wrote ${rawInsert.rows} rows, expected ${rows}`);

  log(`${db.engine}: import — the counter update alone, per branch (applyToPath) and summed per ancestor (applyToPaths), rolled back`);
  const counters = await timeCounterUpdates(db, built, branchById);

  const fileChecks = checkMs - read - rowChecks;
  const insertRest = insertMs - spillRead - rowBuild - compile - rawInsert.ms;
  return {
    county: { id: county.id, name: county.name, path: county.path, branches: branches.length },
    rows, workbookBytes: workbook.bytes, workbookWriteMs: workbook.writeMs,
    packageMs, checkMs, insertMs, totalMs, rowsPerSecond: rows / (totalMs / 1000),
    rawInsert,
    parts: { read, rowChecks, fileChecks, spillRead, rowBuild, encrypt, blindIndex: blindIndexMs, pinyin: pinyinMs, compile, execute: rawInsert.ms, insertRest },
    distinctNames: names.length,
    garbledRowsWithoutFix: garbledRows,
    counters,
  };
}

const rollback = new Error('bench: roll back');

async function rolledBack(db: Db, work: (trx: Db) => Promise<void>): Promise<number> {
  const started = performance.now();
  let ms = 0;
  try {
    await db.transaction().execute(async (trx) => {
      await work(Object.assign(trx, { engine: db.engine }) as unknown as Db);
      ms = performance.now() - started;
      throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
  return ms;
}

/** The counter update of phase 2 for these rows, per branch (applyToPath) and summed per ancestor (applyToPaths). */
async function timeCounterUpdates(db: Db, rows: NewMemberRow[], branches: Map<number, { industry_category?: string; path: string }>): Promise<ImportResult['counters']> {
  const industry = new Map((await db.selectFrom('organization').select(['id', 'industry_category']).where('id', 'in', [...branches.keys()]).execute()).map((b) => [b.id, b.industry_category]));
  const byBranch = new Map<number, Contribution>();
  for (const r of rows) {
    const one = contributionOf({ status: 'normal', is_active: 1, is_cadre: r.is_cadre ?? 0, sex: r.sex, birth_date: r.birth_date, ethnicity: r.ethnicity, dues_monthly_fen: null, dues_paid_through: null }, industry.get(r.org_id)!);
    let sum = byBranch.get(r.org_id);
    if (!sum) byBranch.set(r.org_id, (sum = new Map()));
    for (const [key, n] of one) sum.set(key, (sum.get(key) ?? 0) + n);
  }
  let perBranchRows = 0;
  const perBranchMs = await rolledBack(db, async (trx) => {
    for (const [orgId, contribution] of byBranch) {
      await applyToPath(trx, branches.get(orgId)!.path, contribution);
      perBranchRows += idsOnPath(branches.get(orgId)!.path).length * contribution.size;
    }
  });
  // What the product does since it sums per ancestor (applyToPaths): each counter row upserted once.
  const distinct = new Set<string>();
  for (const [orgId, contribution] of byBranch) {
    for (const ancestor of idsOnPath(branches.get(orgId)!.path)) for (const key of contribution.keys()) distinct.add(`${ancestor}\u0000${key}`);
  }
  const mergedMs = await rolledBack(db, (trx) => applyToPaths(trx, [...byBranch].map(([orgId, contribution]) => [branches.get(orgId)!.path, contribution] as const)));
  return { branches: byBranch.size, perBranchMs, perBranchRows, mergedMs, mergedRows: distinct.size };
}
