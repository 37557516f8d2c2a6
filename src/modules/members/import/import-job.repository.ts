import type { Kysely } from 'kysely';
import type { Database, ImportJobRow, ImportJobTable } from '../../../platform/db/schema.ts';

/** The kind of job this module runs, for the shared import_job table. */
export const MEMBER_IMPORT_KIND = 'member';

export type ImportJobStatus = 'queued' | 'running' | 'failed_validation' | 'failed' | 'done';
export type ImportJobPhase = 'checking' | 'importing' | 'writing_errors';

export async function insertImportJob(db: Kysely<Database>, job: Pick<ImportJobTable, 'id' | 'user_id' | 'post_id' | 'source_ip' | 'request_id' | 'upload_key' | 'upload_bytes' | 'total_rows'>): Promise<void> {
  await db.insertInto('import_job').values({ ...job, kind: MEMBER_IMPORT_KIND, status: 'queued', processed_rows: 0, error_count: 0, imported_rows: 0, created_at: new Date().toISOString() }).execute();
}

/**
 * Take the job for this node: the conditional UPDATE succeeds for exactly one caller, however many
 * nodes try at once, so a job never runs twice.
 */
export async function claimImportJob(db: Kysely<Database>, id: string): Promise<boolean> {
  const now = new Date().toISOString();
  const result = await db
    .updateTable('import_job')
    .set({ status: 'running', phase: 'checking', started_at: now, heartbeat_at: now })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findImportJob(db: Kysely<Database>, id: string): Promise<ImportJobRow | undefined> {
  return db.selectFrom('import_job').selectAll().where('id', '=', id).where('kind', '=', MEMBER_IMPORT_KIND).executeTakeFirst();
}

/** A job of this user, or nothing: another user's job is as absent as a job that never existed. */
export async function findOwnImportJob(db: Kysely<Database>, id: string, userId: number): Promise<ImportJobRow | undefined> {
  return db.selectFrom('import_job').selectAll().where('id', '=', id).where('kind', '=', MEMBER_IMPORT_KIND).where('user_id', '=', userId).executeTakeFirst();
}

export async function updateImportProgress(db: Kysely<Database>, id: string, progress: { processedRows?: number; totalRows?: number; phase?: ImportJobPhase }): Promise<void> {
  await db
    .updateTable('import_job')
    .set({
      heartbeat_at: new Date().toISOString(),
      ...(progress.processedRows !== undefined ? { processed_rows: progress.processedRows } : {}),
      ...(progress.totalRows !== undefined ? { total_rows: progress.totalRows } : {}),
      ...(progress.phase !== undefined ? { phase: progress.phase } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export type ImportJobOutcome = {
  status: Exclude<ImportJobStatus, 'queued' | 'running'>;
  message: { zh: string; en: string };
  totalRows?: number;
  processedRows?: number;
  errorCount?: number;
  importedRows?: number;
  errorFileKey?: string | null;
  result?: Record<string, unknown>;
};

export async function finishImportJob(db: Kysely<Database>, id: string, outcome: ImportJobOutcome): Promise<void> {
  const now = new Date().toISOString();
  await db
    .updateTable('import_job')
    .set({
      status: outcome.status,
      phase: null,
      message_zh: outcome.message.zh,
      message_en: outcome.message.en,
      finished_at: now,
      heartbeat_at: now,
      ...(outcome.totalRows !== undefined ? { total_rows: outcome.totalRows } : {}),
      ...(outcome.processedRows !== undefined ? { processed_rows: outcome.processedRows } : {}),
      ...(outcome.errorCount !== undefined ? { error_count: outcome.errorCount } : {}),
      ...(outcome.importedRows !== undefined ? { imported_rows: outcome.importedRows } : {}),
      ...(outcome.errorFileKey !== undefined ? { error_file_key: outcome.errorFileKey } : {}),
      ...(outcome.result !== undefined ? { result: JSON.stringify(outcome.result) } : {}),
    })
    .where('id', '=', id)
    .execute();
}
