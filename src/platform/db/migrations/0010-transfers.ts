import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connect.ts';
import { addIdColumn, pathTextType } from './column-types.ts';

/**
 * 组织关系转接: one row per transfer with its chain of stages and where it stands, one row per
 * event (submit, approve, return, appeal, withdraw, expire) with who acted and how fast, and the
 * graduate batches a school opens.
 */
export function transfers(engine: Engine) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      const path = pathTextType(engine) as 'text';
      await addIdColumn(db.schema.createTable('graduate_batch'), engine)
        .addColumn('school_org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('school_org_path', path, (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('graduate_batch_school_idx').on('graduate_batch').columns(['school_org_path', 'year']).execute();

      await addIdColumn(db.schema.createTable('transfer'), engine)
        .addColumn('member_id', 'integer', (c) => c.notNull().references('member.id'))
        .addColumn('member_name', 'text', (c) => c.notNull())
        .addColumn('scope_kind', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('reason_text', 'text')
        .addColumn('from_org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('from_org_path', path, (c) => c.notNull())
        .addColumn('to_org_id', 'integer', (c) => c.references('organization.id'))
        .addColumn('to_org_path', path)
        .addColumn('outside_destination', 'text')
        .addColumn('stages', 'text', (c) => c.notNull())
        .addColumn('stage_index', 'integer', (c) => c.notNull())
        .addColumn('stage_org_id', 'integer', (c) => c.references('organization.id'))
        .addColumn('stage_org_path', path)
        .addColumn('stage_since', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('is_open', 'integer', (c) => c.notNull())
        .addColumn('initiated_by', 'text', (c) => c.notNull())
        .addColumn('batch_id', 'integer', (c) => c.references('graduate_batch.id'))
        .addColumn('retained_until', 'text')
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .execute();
      // One open transfer per member at a time.
      await sql`create unique index transfer_open_member_idx on transfer (member_id) where is_open = 1`.execute(db);
      // Queues: the open transfers waiting at organizations of a subtree.
      await db.schema.createIndex('transfer_stage_idx').on('transfer').columns(['stage_org_path', 'status']).execute();
      await db.schema.createIndex('transfer_from_idx').on('transfer').columns(['from_org_path', 'id']).execute();
      await db.schema.createIndex('transfer_to_idx').on('transfer').columns(['to_org_path', 'id']).execute();
      await db.schema.createIndex('transfer_batch_idx').on('transfer').columns(['batch_id', 'status']).execute();
      await db.schema.createIndex('transfer_expiry_idx').on('transfer').columns(['is_open', 'expires_at']).execute();

      await addIdColumn(db.schema.createTable('transfer_event'), engine)
        .addColumn('transfer_id', 'integer', (c) => c.notNull().references('transfer.id'))
        .addColumn('stage', 'text')
        .addColumn('stage_org_id', 'integer')
        .addColumn('stage_org_path', path)
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('evidence', 'text')
        .addColumn('stage_since', 'text')
        .addColumn('response_minutes', 'integer')
        .addColumn('actor_user_id', 'integer')
        .addColumn('actor_username', 'text', (c) => c.notNull())
        .addColumn('post_label', 'text')
        .addColumn('on_behalf', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      // The graduates of a batch, fixed when it opens: the graduate transfer rate is settled ÷ all of them.
      await db.schema
        .createTable('graduate_batch_member')
        .addColumn('batch_id', 'integer', (c) => c.notNull().references('graduate_batch.id'))
        .addColumn('member_id', 'integer', (c) => c.notNull().references('member.id'))
        .addColumn('school_org_path', path, (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('destination_kind', 'text')
        .addColumn('transfer_id', 'integer', (c) => c.references('transfer.id'))
        .addColumn('settled', 'integer', (c) => c.notNull())
        .addColumn('settled_at', 'text')
        .addPrimaryKeyConstraint('graduate_batch_member_pk', ['batch_id', 'member_id'])
        .execute();
      await db.schema.createIndex('graduate_batch_member_path_idx').on('graduate_batch_member').columns(['school_org_path', 'year', 'settled']).execute();
      await db.schema.createIndex('graduate_batch_member_member_idx').on('graduate_batch_member').columns(['member_id', 'settled']).execute();
      await db.schema.createIndex('transfer_event_transfer_idx').on('transfer_event').columns(['transfer_id', 'id']).execute();
      // The 48-hour response rate of the organizations in a subtree reads decisions by stage organization.
      await db.schema.createIndex('transfer_event_stage_org_idx').on('transfer_event').columns(['stage_org_path', 'action']).execute();
    },
  };
}
