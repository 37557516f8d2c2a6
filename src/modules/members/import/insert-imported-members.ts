import { appendAudit } from '../../../platform/audit/audit-log.ts';
import type { NewMemberRow, OrganizationRow } from '../../../platform/db/schema.ts';
import type { ServiceContext } from '../../../platform/service-context.ts';
import { requireOrgsInScope } from '../../org/org.repository.ts';
import { commonPath } from '../../../platform/scope/common-path.ts';
import { newMemberRow } from '../member-row.ts';
import { applyToPaths } from '../stats/apply-member-stats.ts';
import { contributionOf, type Contribution } from '../stats/member-contribution.ts';
import type { CheckedRow } from './import-row-checker.ts';

/** Rows per INSERT: 500 rows × 32 columns stays well under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const BATCH = 500;

/** Raised when the database changed between the checks and the import; nothing was written. */
export class ImportConflict extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(en);
    this.name = 'ImportConflict';
  }
}

/**
 * Phase 2: every row in ONE transaction, with one audit entry, so the import is all or nothing.
 * The branches are checked again inside the transaction (they may have been deactivated or moved
 * out of scope since phase 1); a duplicate that appeared meanwhile fails on the unique indexes and
 * rolls everything back. On SQLite the transaction holds the only connection, so the caller must
 * not touch the database outside `trx` until it ends.
 */
export async function insertImportedMembers(
  ctx: ServiceContext,
  input: { rows: AsyncIterable<CheckedRow>; orgIds: number[]; jobId: string; expectedRows: number },
): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    let branches: Map<number, OrganizationRow>;
    try {
      branches = await requireOrgsInScope(trx, ctx.scope, input.orgIds);
    } catch {
      throw new ImportConflict('导入期间有团支部被移出您的管辖范围，已全部取消，请重新上传', 'a branch left your scope during the import; nothing was imported, upload again');
    }
    for (const branch of branches.values()) {
      if (branch.type !== 'branch' || branch.status !== 'active') {
        throw new ImportConflict(`导入期间“${branch.name}”已停用或变更，已全部取消，请重新上传`, `"${branch.name}" changed during the import; nothing was imported, upload again`);
      }
    }
    const now = new Date().toISOString();
    const contributions = new Map<number, Contribution>();
    let batch: NewMemberRow[] = [];
    let inserted = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      try {
        await trx.insertInto('member').values(batch).execute();
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new ImportConflict('导入期间有相同的团员或团员编号已被他人登记，已全部取消。请重新上传，系统会指出重复的行', 'a member or 团员编号 in the file was registered by someone else during the import; nothing was imported. Upload again to see which rows');
      }
      inserted += batch.length;
      batch = [];
    };
    for await (const row of input.rows) {
      const branch = branches.get(row.orgId);
      if (!branch) throw new ImportConflict('文件与检查时不一致，已全部取消，请重新上传', 'the file no longer matches its checks; upload again');
      const values = newMemberRow(ctx, branch, row.fields, row.identity, now);
      add(contributions, row.orgId, contributionOf({ status: 'normal', is_active: 1, is_cadre: values.is_cadre ?? 0, sex: values.sex, birth_date: values.birth_date, ethnicity: values.ethnicity, dues_monthly_fen: null, dues_paid_through: null }, branch.industry_category));
      batch.push(values);
      if (batch.length === BATCH) await flush();
    }
    await flush();
    if (inserted !== input.expectedRows) throw new Error(`imported ${inserted} rows, expected ${input.expectedRows}`);
    await applyToPaths(trx, [...contributions].map(([orgId, contribution]) => [branches.get(orgId)!.path, contribution] as const));
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'member.import', orgPath: commonPath([...branches.values()].map((b) => b.path)), targetType: 'import_job', targetId: input.jobId,
      detail: { jobId: input.jobId, rows: inserted, branches: branches.size },
    });
    return inserted;
  });
}

/** A unique index refused a row (SQLite and PostgreSQL name it differently). */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function add(totals: Map<number, Contribution>, orgId: number, contribution: Contribution): void {
  let total = totals.get(orgId);
  if (!total) totals.set(orgId, (total = new Map()));
  for (const [key, n] of contribution) total.set(key, (total.get(key) ?? 0) + n);
}
