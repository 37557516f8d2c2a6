import type { Kysely } from 'kysely';
import type { Engine } from '../connect.ts';
import { addIdColumn } from './column-types.ts';

/**
 * 所属组织 of an account, and 激活码与重置链接 (DOMAIN §12 AS-09, DB-05): one-time secrets an administrator issues so that a
 * user sets their own password. Only the SHA-256 of the secret is stored; a grant is used once,
 * expires, and is revoked when a newer one is issued for the same user. The account's organization
 * places it in an administrator's data scope before it holds any post (DOMAIN §12 DB-05, DB-07).
 */
export function accountCredentials(engine: Engine) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('app_user').addColumn('org_id', 'integer', (c) => c.references('organization.id')).execute();
      await db.schema.createIndex('app_user_org_idx').on('app_user').column('org_id').execute();
      // When an administrator last enabled the account again: the idle count (DB-05) starts no earlier.
      await db.schema.alterTable('app_user').addColumn('reenabled_at', 'text').execute();
      // Existing accounts belong where their first post is; an account without posts stays with the province (null).
      await db
        .updateTable('app_user')
        .set((eb) => ({ org_id: eb.selectFrom('post').select('post.org_id').whereRef('post.user_id', '=', 'app_user.id').orderBy('post.id').limit(1) }))
        .execute();
      await addIdColumn(db.schema.createTable('credential_grant'), engine)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('credential_grant_user_idx').on('credential_grant').columns(['user_id', 'created_at']).execute();
      await db.schema.createIndex('credential_grant_code_idx').on('credential_grant').column('code_hash').execute();
    },
  };
}
