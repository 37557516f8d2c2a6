import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connect.ts';
import { addIdColumn, pathTextType } from './column-types.ts';

/** Organizations, accounts, sessions and the audit log. */
export function foundation(engine: Engine) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await addIdColumn(db.schema.createTable('organization'), engine)
        .addColumn('parent_id', 'integer', (c) => c.references('organization.id'))
        .addColumn('path', pathTextType(engine) as 'text', (c) => c.notNull().unique())
        .addColumn('depth', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('short_name', 'text')
        .addColumn('name_initials', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('industry_category', 'text', (c) => c.notNull())
        .addColumn('region_code', 'text')
        .addColumn('founded_on', 'text')
        .addColumn('last_election_on', 'text')
        .addColumn('term_years', 'integer')
        .addColumn('contact_name', 'text')
        .addColumn('contact_phone_enc', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('deactivated_at', 'text')
        .addColumn('deactivation_reason', 'text')
        .addColumn('child_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('organization_parent_idx').on('organization').columns(['parent_id', 'name']).execute();

      await addIdColumn(db.schema.createTable('app_user'), engine)
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('password_changed_at', 'text', (c) => c.notNull())
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('first_failed_at', 'text')
        .addColumn('locked_until', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('last_login_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await addIdColumn(db.schema.createTable('role'), engine)
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name_zh', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('role_permission')
        .addColumn('role_id', 'integer', (c) => c.notNull().references('role.id'))
        .addColumn('permission', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('role_permission_pk', ['role_id', 'permission'])
        .execute();

      await addIdColumn(db.schema.createTable('post'), engine)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('role_id', 'integer', (c) => c.notNull().references('role.id'))
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('post_user_idx').on('post').column('user_id').execute();
      await db.schema.createIndex('post_org_idx').on('post').column('org_id').execute();
      await db.schema
        .createTable('post_scope_org')
        .addColumn('post_id', 'integer', (c) => c.notNull().references('post.id'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addPrimaryKeyConstraint('post_scope_org_pk', ['post_id', 'org_id'])
        .execute();

      await db.schema
        .createTable('session')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
        .addColumn('post_id', 'integer', (c) => c.references('post.id'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('ip', 'text')
        .execute();
      await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();

      await addIdColumn(db.schema.createTable('audit_log'), engine, { big: true })
        .addColumn('seq', 'bigint', (c) => c.notNull().unique())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_user_id', 'integer')
        .addColumn('actor_username', 'text')
        .addColumn('post_id', 'integer')
        .addColumn('post_label', 'text')
        .addColumn('org_path', pathTextType(engine) as 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text')
        .addColumn('target_id', 'text')
        .addColumn('target_label', 'text')
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('request_id', 'text')
        .addColumn('before_digest', 'text')
        .addColumn('after_digest', 'text')
        .addColumn('detail', 'text')
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_org_path_idx').on('audit_log').columns(['org_path', 'seq']).execute();
      await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();

      // One row holding the head of the chain: appending locks it, so concurrent writers
      // on PostgreSQL extend the chain one after another instead of forking it.
      await db.schema
        .createTable('audit_head')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('last_seq', 'bigint', (c) => c.notNull())
        .addColumn('last_hash', 'text', (c) => c.notNull())
        .execute();
      await sql`insert into audit_head (id, last_seq, last_hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);
    },
  };
}
