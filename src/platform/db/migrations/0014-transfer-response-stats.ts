import type { Kysely } from 'kysely';

/**
 * 及时响应 counters: per organization, the transfer decisions taken in its subtree and how many
 * within the response time then in force, so the rate report reads two rows per organization.
 */
export function transferResponseStats() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createTable('transfer_response_stat')
        .addColumn('org_id', 'integer', (c) => c.primaryKey().references('organization.id'))
        .addColumn('decided', 'integer', (c) => c.notNull())
        .addColumn('on_time', 'integer', (c) => c.notNull())
        .execute();
    },
  };
}
