import type { Kysely } from 'kysely';

/** Subtree member counters for statistics (prepareDatabase fills them for members already present). */
export function memberStats() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('member_stat')
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('dimension', 'text', (c) => c.notNull())
        .addColumn('bucket', 'text', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('member_stat_pk', ['org_id', 'dimension', 'bucket'])
        .execute();
    },
  };
}
