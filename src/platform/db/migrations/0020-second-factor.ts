import type { Kysely } from 'kysely';

/**
 * 双因素认证 (TOTP, RFC 6238) and per-session idle limits: the account's encrypted seed and the
 * last time step it accepted (a code is never accepted twice), whether a session is an
 * administrator's (it idles out sooner), and the short-lived challenge between the password and
 * the second factor.
 */
export function secondFactor() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('app_user').addColumn('totp_secret_enc', 'text').execute();
      await db.schema.alterTable('app_user').addColumn('totp_last_step', 'integer').execute();
      await db.schema.alterTable('app_user').addColumn('totp_enrolled_at', 'text').execute();
      await db.schema.alterTable('session').addColumn('administrator', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema
        .createTable('login_challenge')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('pending_secret_enc', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('ip', 'text')
        .execute();
      await db.schema.createIndex('login_challenge_user_idx').on('login_challenge').column('user_id').execute();
    },
  };
}
