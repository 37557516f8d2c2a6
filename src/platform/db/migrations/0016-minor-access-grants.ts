import type { Kysely } from 'kysely';
import type { Engine } from '../connect.ts';
import { addIdColumn, pathTextType } from './column-types.ts';

/**
 * 未成年人信息查看审批 (DOMAIN §12 LAW-09, DB-08): a staff member's request to open one minor's
 * record, the responsible person's decision, and the time-boxed grant it yields (or its revocation).
 */
export function minorAccessGrants(engine: Engine) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      const path = pathTextType(engine) as 'text';
      await addIdColumn(db.schema.createTable('minor_access_grant'), engine)
        .addColumn('subject_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'integer', (c) => c.notNull())
        .addColumn('subject_label', 'text', (c) => c.notNull())
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('org_path', path, (c) => c.notNull())
        .addColumn('requester_user_id', 'integer', (c) => c.notNull().references('app_user.id'))
        .addColumn('requester_username', 'text', (c) => c.notNull())
        .addColumn('requester_post_label', 'text')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('requested_hours', 'integer', (c) => c.notNull())
        .addColumn('requested_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('decided_by_user_id', 'integer', (c) => c.references('app_user.id'))
        .addColumn('decided_by_username', 'text')
        .addColumn('decision_comment', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('expires_at', 'text')
        .addColumn('revoked_by_username', 'text')
        .addColumn('revoked_at', 'text')
        .addColumn('revoke_reason', 'text')
        .execute();
      // The access check: this user's grants for this record.
      await db.schema.createIndex('minor_access_grant_subject_idx').on('minor_access_grant').columns(['subject_type', 'subject_id', 'requester_user_id']).execute();
      // Approvers' queues and the yearly report read by organization and status.
      await db.schema.createIndex('minor_access_grant_org_idx').on('minor_access_grant').columns(['org_path', 'status']).execute();
      await db.schema.createIndex('minor_access_grant_requester_idx').on('minor_access_grant').columns(['requester_user_id', 'requested_at']).execute();
    },
  };
}
