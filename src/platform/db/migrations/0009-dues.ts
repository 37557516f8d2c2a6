import type { Kysely } from 'kysely';
import type { Engine } from '../connect.ts';
import { addIdColumn, pathTextType } from './column-types.ts';

/**
 * 团费: each member's assessed monthly amount and the month paid through (on the member row, so
 * that the statistics counters follow them like every other counted field), the history of
 * assessments, the payments, and per-organization collection counters.
 */
export function dues(engine: Engine) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('member').addColumn('dues_monthly_fen', 'integer').execute();
      await db.schema.alterTable('member').addColumn('dues_paid_through', 'text').execute();
      // Arrears lists read members of a subtree by the month paid through.
      await db.schema.createIndex('member_dues_idx').on('member').columns(['org_path', 'dues_paid_through']).execute();

      await addIdColumn(db.schema.createTable('dues_assessment'), engine)
        .addColumn('member_id', 'integer', (c) => c.notNull().references('member.id'))
        .addColumn('org_path', pathTextType(engine) as 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('income_fen', 'integer')
        .addColumn('monthly_fen', 'integer', (c) => c.notNull())
        .addColumn('from_month', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('actor_user_id', 'integer')
        .addColumn('actor_username', 'text', (c) => c.notNull())
        .addColumn('post_label', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('dues_assessment_member_idx').on('dues_assessment').columns(['member_id', 'id']).execute();

      await addIdColumn(db.schema.createTable('dues_payment'), engine)
        .addColumn('member_id', 'integer', (c) => c.notNull().references('member.id'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('org_path', pathTextType(engine) as 'text', (c) => c.notNull())
        .addColumn('from_month', 'text', (c) => c.notNull())
        .addColumn('to_month', 'text', (c) => c.notNull())
        .addColumn('months', 'integer', (c) => c.notNull())
        .addColumn('monthly_fen', 'integer', (c) => c.notNull())
        .addColumn('extra_fen', 'integer', (c) => c.notNull())
        .addColumn('amount_fen', 'integer', (c) => c.notNull())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('receipt_no', 'text', (c) => c.notNull())
        .addColumn('paid_on', 'text', (c) => c.notNull())
        .addColumn('collected_month', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('actor_user_id', 'integer')
        .addColumn('actor_username', 'text', (c) => c.notNull())
        .addColumn('post_label', 'text')
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('reversed_reason', 'text')
        .addColumn('reversed_by', 'text')
        .addColumn('reversed_at', 'text')
        .execute();
      await db.schema.createIndex('dues_payment_member_idx').on('dues_payment').columns(['member_id', 'id']).execute();
      await db.schema.createIndex('dues_payment_org_idx').on('dues_payment').columns(['org_path', 'collected_month']).execute();

      // Amount collected per organization subtree and month, maintained with every payment and reversal.
      await db.schema
        .createTable('dues_stat')
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('collected_fen', 'integer', (c) => c.notNull())
        .addColumn('payments', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('dues_stat_pk', ['org_id', 'month'])
        .execute();
    },
  };
}
