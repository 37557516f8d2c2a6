import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connect.ts';
import { addIdColumn, pathTextType } from './column-types.ts';

/** 团员 records with encrypted identity numbers and phones. */
export function members(engine: Engine) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await addIdColumn(db.schema.createTable('member'), engine)
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('org_path', pathTextType(engine) as 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_initials', 'text', (c) => c.notNull())
        .addColumn('id_type', 'text', (c) => c.notNull())
        .addColumn('id_number_enc', 'text', (c) => c.notNull())
        .addColumn('id_number_index', 'text', (c) => c.notNull())
        .addColumn('id_number_masked', 'text', (c) => c.notNull())
        .addColumn('birth_date', 'text', (c) => c.notNull())
        .addColumn('sex', 'text', (c) => c.notNull())
        .addColumn('ethnicity', 'text', (c) => c.notNull())
        .addColumn('political_status', 'text', (c) => c.notNull())
        .addColumn('education_full_time', 'text')
        .addColumn('education_highest', 'text')
        .addColumn('occupation', 'text', (c) => c.notNull())
        .addColumn('joined_league_on', 'text', (c) => c.notNull())
        .addColumn('development_number', 'text', (c) => c.unique())
        .addColumn('league_post', 'text')
        .addColumn('is_cadre', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('cadre_nature', 'text')
        .addColumn('phone_enc', 'text')
        .addColumn('phone_index', 'text')
        .addColumn('phone_masked', 'text')
        .addColumn('joined_party_on', 'text')
        .addColumn('volunteer_registered_on', 'text')
        .addColumn('income_band', 'text')
        .addColumn('household', 'text')
        .addColumn('workplace', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('is_active', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // Scoped lists walk this index: the subtree is a path range, ids keep pages stable.
      await db.schema.createIndex('member_org_path_idx').on('member').columns(['org_path', 'id']).execute();
      await db.schema.createIndex('member_org_idx').on('member').columns(['org_id', 'status']).execute();
      await db.schema.createIndex('member_id_number_idx').on('member').column('id_number_index').execute();
      await db.schema.createIndex('member_phone_idx').on('member').column('phone_index').execute();
      // One person holds 团籍 at most once.
      await sql`create unique index member_active_person_idx on member (id_number_index) where is_active = 1`.execute(db);
    },
  };
}
