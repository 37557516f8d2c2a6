import type { Kysely } from 'kysely';
import type { Engine } from '../connect.ts';
import { addIdColumn } from './column-types.ts';

/**
 * 个人信息主体权利与保存期限 (DOMAIN §12 LAW-01, LAW-05, DB-10):
 * - subject_request: a member's (or guardian's) request to correct, delete or restrict their data,
 *   tracked to a due date and decided by the branch or committee in scope;
 * - member.restricted_at: the record is kept but no longer processed (PIPL Art. 47 ¶2), so every
 *   member read path answers 404; member.anonymized_at: the retention purge replaced its personal data;
 * - audit_checkpoint: where the audit chain now starts after old entries were purged (the last purged
 *   entry's seq and hash, MACed with the audit key), so that verification stays possible.
 */
export function subjectRequests(engine: Engine) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('member').addColumn('restricted_at', 'text').execute();
      await db.schema.alterTable('member').addColumn('anonymized_at', 'text').execute();

      await addIdColumn(db.schema.createTable('subject_request'), engine)
        .addColumn('member_id', 'integer', (c) => c.notNull().references('member.id'))
        // The member's branch when the request was made (the handlers' scope follows the member's branch now).
        .addColumn('org_id', 'integer', (c) => c.notNull())
        .addColumn('org_path', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('requester_kind', 'text', (c) => c.notNull())
        .addColumn('field', 'text')
        .addColumn('proposed_value_enc', 'text')
        .addColumn('reason_code', 'text')
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('due_on', 'text', (c) => c.notNull())
        .addColumn('created_by_user_id', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('decided_by_user_id', 'integer')
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('decision_reason', 'text')
        .execute();
      await db.schema.createIndex('subject_request_member_idx').on('subject_request').columns(['member_id', 'id']).execute();
      await db.schema.createIndex('subject_request_status_idx').on('subject_request').columns(['status', 'member_id']).execute();

      await addIdColumn(db.schema.createTable('audit_checkpoint'), engine)
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('purged_rows', 'integer', (c) => c.notNull())
        .addColumn('cutoff', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('mac', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
