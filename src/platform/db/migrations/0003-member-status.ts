import type { Kysely } from 'kysely';
import type { Engine } from '../connect.ts';
import { addIdColumn, pathTextType } from './column-types.ts';

/** 团籍变动 history: every request, decision and restoration, with who, through which post, and why. */
export function memberStatus(engine: Engine) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await addIdColumn(db.schema.createTable('member_status_change'), engine)
        .addColumn('member_id', 'integer', (c) => c.notNull().references('member.id'))
        .addColumn('org_path', pathTextType(engine) as 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('from_status', 'text', (c) => c.notNull())
        .addColumn('to_status', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('actor_user_id', 'integer')
        .addColumn('actor_username', 'text', (c) => c.notNull())
        .addColumn('post_id', 'integer')
        .addColumn('post_label', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('member_status_change_member_idx').on('member_status_change').columns(['member_id', 'id']).execute();
      // Pending approvals are found by status on the member table; this index serves that list.
      await db.schema.createIndex('member_status_idx').on('member').columns(['status', 'org_path']).execute();
    },
  };
}
