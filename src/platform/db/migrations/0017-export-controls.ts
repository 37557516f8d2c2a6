import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connect.ts';
import { addIdColumn, pathTextType } from './column-types.ts';

/** Enough stars for the longest identity number accepted (30 characters). */
const STARS = '*'.repeat(30);

/**
 * Export controls (DOMAIN §12 AS-21, AS-22, DB-12, DB-16, DB-17):
 * - member_export: a full (unmasked) export prepared for one download, with who, why, how many rows,
 *   where the encrypted file lies and when it expires; the file's key is dropped once it is used or expires.
 * - usage_event: exports and member detail views per account, counted over the last hour.
 * - security_alert: 安全告警 raised by the platform (too many exports or views in an hour, …), acknowledged
 *   by the security or audit administrators.
 * - The masked copies of identity numbers move to the one rule (first and last character only,
 *   3****************X), so that with the birth date shown beside them they give nothing more away.
 */
export function exportControls(engine: Engine) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      const path = pathTextType(engine) as 'text';
      await addIdColumn(db.schema.createTable('member_export'), engine)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('post_id', 'integer')
        .addColumn('post_label', 'text')
        .addColumn('org_path', path)
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('rows', 'integer', (c) => c.notNull())
        .addColumn('file_key', 'text')
        .addColumn('content_key_enc', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('downloaded_at', 'text')
        .addColumn('removed_at', 'text')
        .execute();
      await db.schema.createIndex('member_export_pending_idx').on('member_export').columns(['removed_at', 'expires_at']).execute();

      await addIdColumn(db.schema.createTable('usage_event'), engine, { big: true })
        .addColumn('user_id', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('usage_event_user_idx').on('usage_event').columns(['user_id', 'kind', 'at']).execute();
      await db.schema.createIndex('usage_event_at_idx').on('usage_event').column('at').execute();

      await addIdColumn(db.schema.createTable('security_alert'), engine)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer')
        .addColumn('username', 'text')
        .addColumn('post_id', 'integer')
        .addColumn('post_label', 'text')
        .addColumn('org_path', path)
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('limit_value', 'integer')
        .addColumn('detail', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('acknowledged_at', 'text')
        .addColumn('acknowledged_by', 'text')
        .execute();
      await db.schema.createIndex('security_alert_at_idx').on('security_alert').columns(['acknowledged_at', 'at']).execute();
      await db.schema.createIndex('security_alert_user_idx').on('security_alert').columns(['user_id', 'kind', 'at']).execute();

      await remaskIdNumbers(db);
    },
  };
}

/**
 * Rewrite the masked copies of identity numbers to the one rule, from the masked copies themselves
 * (their first and last characters are the ones kept), so no key is needed. Copies already in the
 * new form are unchanged by it.
 */
export async function remaskIdNumbers(db: Kysely<any>): Promise<void> {
  for (const table of ['member', 'applicant']) {
    await sql`update ${sql.table(table)} set id_number_masked =
        substr(id_number_masked, 1, 1) || substr(${STARS}, 1, length(id_number_masked) - 2) || substr(id_number_masked, length(id_number_masked), 1)
      where length(id_number_masked) > 7`.execute(db);
  }
}
