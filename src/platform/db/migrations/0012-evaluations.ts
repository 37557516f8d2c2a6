import type { Kysely } from 'kysely';
import type { Engine } from '../connect.ts';
import { addIdColumn, pathTextType } from './column-types.ts';

/** 团籍注册 and 教育评议: a branch's yearly cycle and one line per member in it. */
export function evaluations(engine: Engine) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      const path = pathTextType(engine) as 'text';
      await addIdColumn(db.schema.createTable('evaluation_cycle'), engine)
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('org_path', path, (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('meeting_on', 'text')
        .addColumn('branch_members', 'integer', (c) => c.notNull())
        .addColumn('attendees', 'integer')
        .addColumn('submitted_at', 'text')
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('decision_reason', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('evaluation_cycle_branch_year_idx').on('evaluation_cycle').columns(['org_id', 'year']).unique().execute();
      await db.schema.createIndex('evaluation_cycle_path_idx').on('evaluation_cycle').columns(['org_path', 'year', 'status']).execute();

      await db.schema
        .createTable('evaluation_entry')
        .addColumn('cycle_id', 'integer', (c) => c.notNull().references('evaluation_cycle.id'))
        .addColumn('member_id', 'integer', (c) => c.notNull().references('member.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('exempt', 'integer', (c) => c.notNull())
        .addColumn('registration', 'text')
        .addColumn('defer_until', 'text')
        .addColumn('grade', 'text')
        .addColumn('correction_until', 'text')
        .addColumn('note', 'text')
        .addPrimaryKeyConstraint('evaluation_entry_pk', ['cycle_id', 'member_id'])
        .execute();
      await db.schema.createIndex('evaluation_entry_member_idx').on('evaluation_entry').columns(['member_id', 'year']).execute();
    },
  };
}
