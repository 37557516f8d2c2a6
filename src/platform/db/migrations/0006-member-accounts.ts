import type { Kysely } from 'kysely';

/** Accounts of members themselves: an account may belong to one 团员 record. */
export function memberAccounts() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('app_user').addColumn('member_id', 'integer', (c) => c.references('member.id')).execute();
      await db.schema.createIndex('app_user_member_idx').on('app_user').column('member_id').unique().execute();
    },
  };
}
