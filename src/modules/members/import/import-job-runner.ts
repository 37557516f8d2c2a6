import type { FastifyBaseLogger } from 'fastify';
import { appendAudit } from '../../../platform/audit/audit-log.ts';
import type { Db } from '../../../platform/db/connect.ts';
import type { ImportJobRow } from '../../../platform/db/schema.ts';
import { newFileKey, type FileStorage } from '../../../platform/files/file-storage.ts';
import { openXlsxPackage } from '../../../platform/files/xlsx-package.ts';
import type { BlindIndex } from '../../../platform/pii/blind-index.ts';
import type { FieldCipher } from '../../../platform/pii/field-cipher.ts';
import type { ServiceContext } from '../../../platform/service-context.ts';
import { todayInChina } from '../../../platform/time/china-date.ts';
import { EncryptedSpill } from '../../../platform/files/encrypted-spill.ts';
import { checkImportFile, type ImportSource } from './check-import-file.ts';
import { writeErrorWorkbook } from './import-error-workbook.ts';
import { jobActor } from './import-job-actor.ts';
import { pickDataSheet } from './import-row-reader.ts';
import { claimImportJob, finishImportJob, findImportJob, updateImportProgress, type ImportJobOutcome } from './import-job.repository.ts';
import type { CheckedRow, Problem } from './import-row-checker.ts';
import { ImportConflict, insertImportedMembers } from './insert-imported-members.ts';
import { zipLimits } from './submit-member-import.ts';

/** Progress is written every this many rows: often enough for a bar, rare enough to cost nothing. */
const PROGRESS_EVERY = 500;

export type ImportRunnerDeps = { db: Db; cipher: FieldCipher; blindIndex: BlindIndex; auditKey: Buffer; storage: FileStorage; log: FastifyBaseLogger };

/**
 * Runs member import jobs inside this process, right after the upload. Each run first claims its
 * job through the table, so a job offered to several nodes runs on one. Errors never escape: a job
 * that breaks ends as 'failed' with a message the cadre can act on.
 */
export class ImportJobRunner {
  readonly #deps: ImportRunnerDeps;
  readonly #running = new Set<Promise<void>>();

  constructor(deps: ImportRunnerDeps) {
    this.#deps = deps;
  }

  /** Start the job in the background; the caller does not wait. */
  start(jobId: string): void {
    const run = this.run(jobId)
      .catch((error: unknown) => this.#deps.log.error({ err: error, jobId }, 'import job crashed'))
      .finally(() => this.#running.delete(run));
    this.#running.add(run);
  }

  /** Wait for the jobs this process runs (at shutdown), at most `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.allSettled([...this.#running]), timeout]);
    clearTimeout(timer);
  }

  async run(jobId: string): Promise<void> {
    const { db } = this.#deps;
    if (!(await claimImportJob(db, jobId))) return;
    const job = (await findImportJob(db, jobId))!;
    let ctx: ServiceContext | null = null;
    try {
      const who = await jobActor(db, job);
      if (!who) {
        return await this.#finish(job, null, {
          status: 'failed',
          message: { zh: '提交导入的岗位已失效或不再有导入权限，未导入任何数据', en: 'The post the file was uploaded through is no longer active or may no longer import; nothing was imported' },
        });
      }
      ctx = { db, cipher: this.#deps.cipher, blindIndex: this.#deps.blindIndex, auditKey: this.#deps.auditKey, actor: who.actor, scope: who.scope };
      await this.#execute(job, ctx);
    } catch (error) {
      this.#deps.log.error({ err: error, jobId }, 'import job failed');
      const message = error instanceof ImportConflict
        ? { zh: error.zh, en: error.en }
        : { zh: '导入失败，所有行均未导入（已全部撤销）。请重新上传；如仍失败请联系管理员', en: 'The import failed and nothing was imported (all changes were undone). Upload again; if it keeps failing, contact the administrator' };
      await this.#finish(job, ctx, { status: 'failed', message });
    }
  }

  async #execute(job: ImportJobRow, ctx: ServiceContext): Promise<void> {
    const { storage } = this.#deps;
    const pkg = await openXlsxPackage(storage, job.upload_key, zipLimits());
    const source: ImportSource = { storage, pkg, sheetIndex: pickDataSheet(pkg) };
    // Phase 1 keeps the checked rows (encrypted, on local disk) so that phase 2 need not parse the workbook again.
    const spill = await EncryptedSpill.create<CheckedRow>();
    try {
      await this.#checkAndImport(job, ctx, source, spill);
    } finally {
      await spill.dispose();
    }
  }

  async #checkAndImport(job: ImportJobRow, ctx: ServiceContext, source: ImportSource, spill: EncryptedSpill<CheckedRow>): Promise<void> {
    const { db, storage } = this.#deps;
    const check = await checkImportFile({
      db, scope: ctx.scope, blindIndex: ctx.blindIndex, source, today: todayInChina(), progressEvery: PROGRESS_EVERY,
      onProgress: (rows) => updateImportProgress(db, job.id, { processedRows: rows, totalRows: Math.max(rows, job.total_rows) }),
      keep: (row) => spill.append(row),
    });
    const counted = { totalRows: check.dataRows, processedRows: check.dataRows };
    if (check.fileProblems.length > 0) {
      return this.#finish(job, ctx, { status: 'failed_validation', ...counted, errorCount: 0, message: joinProblems(check.fileProblems), result: { fileProblems: check.fileProblems.map((p) => p.code) } });
    }
    if (check.rowProblems.size > 0) {
      await updateImportProgress(db, job.id, { ...counted, phase: 'writing_errors' });
      const errorFileKey = newFileKey('member-import-errors', 'xlsx');
      await writeErrorWorkbook(source, check.rowProblems, (stream) => storage.write(errorFileKey, stream));
      const bad = check.rowProblems.size;
      return this.#finish(job, ctx, {
        status: 'failed_validation', ...counted, errorCount: bad, errorFileKey,
        message: {
          zh: `共${check.dataRows}行，其中${bad}行有误，未导入任何数据。请下载错误清单：它保留了全部原始行，并在第一列“错误说明”写明每行的问题（无误的行为空）；按该列筛选改正后，可直接上传该文件`,
          en: `${bad} of ${check.dataRows} rows have problems; nothing was imported. Download the error list: every row of your file with a first column 错误说明 naming each row's problems (blank for good rows); filter it, correct the rows and upload that file as it is`,
        },
        result: { problemsByCode: countByCode(check.rowProblems) },
      });
    }

    await updateImportProgress(db, job.id, { ...counted, phase: 'importing' });
    await spill.finish();
    const imported = await insertImportedMembers(ctx, { rows: spill.values(), orgIds: check.orgIds, jobId: job.id, expectedRows: check.dataRows });
    // The upload held every ID number in clear; once imported it has no further use.
    await storage.remove(job.upload_key);
    await finishImportJob(db, job.id, {
      status: 'done', ...counted, errorCount: 0, importedRows: imported,
      message: { zh: `已成功导入${imported}名团员`, en: `${imported} members imported` },
      result: { branches: check.orgIds.length },
    });
  }

  /** End a job that imported nothing, with an audit entry saying so (the upload was a write attempt). */
  async #finish(job: ImportJobRow, ctx: ServiceContext | null, outcome: ImportJobOutcome): Promise<void> {
    await this.#deps.db.transaction().execute(async (trx) => {
      await finishImportJob(trx, job.id, outcome);
      if (ctx) {
        await appendAudit(trx, ctx.auditKey, ctx.actor, {
          action: 'member.import', result: 'failed', orgPath: ctx.scope.postOrgPath, targetType: 'import_job', targetId: job.id,
          detail: { jobId: job.id, status: outcome.status, rows: outcome.totalRows ?? null, badRows: outcome.errorCount ?? null },
        });
      }
    });
  }
}

function joinProblems(problems: Problem[]): { zh: string; en: string } {
  return { zh: problems.map((p) => p.zh).join('；'), en: problems.map((p) => p.en).join('; ') };
}

function countByCode(rows: Map<number, Problem[]>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const problems of rows.values()) for (const p of problems) counts[p.code] = (counts[p.code] ?? 0) + 1;
  return counts;
}
