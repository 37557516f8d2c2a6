import type { Kysely } from 'kysely';

/**
 * Import jobs (Excel uploads checked and applied in the background). The table is also the claim:
 * a node runs a job only after moving it from 'queued' to 'running' itself, so however many
 * nodes share the database, each job runs once.
 */
export function importJobs() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('import_job')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
        .addColumn('post_id', 'integer', (c) => c.notNull().references('post.id'))
        .addColumn('source_ip', 'text')
        .addColumn('request_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('phase', 'text')
        .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('imported_rows', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('upload_key', 'text', (c) => c.notNull())
        .addColumn('upload_bytes', 'integer', (c) => c.notNull())
        .addColumn('error_file_key', 'text')
        .addColumn('message_zh', 'text')
        .addColumn('message_en', 'text')
        .addColumn('result', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('heartbeat_at', 'text')
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema.createIndex('import_job_user_idx').on('import_job').columns(['user_id', 'created_at']).execute();
      // Queued and stale running jobs are found by status.
      await db.schema.createIndex('import_job_status_idx').on('import_job').columns(['status', 'created_at']).execute();
    },
  };
}
