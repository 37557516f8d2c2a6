import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connect.ts';
import { addIdColumn, pathTextType } from './column-types.ts';

/**
 * 团员发展: applicants and the dated, attributed record of each of the ten steps, the three public
 * notices, annual quotas per organization, 团员编号 ranges issued down the tree, and the youth counts
 * of schools for 团青比.
 */
export function admission(engine: Engine) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      const path = pathTextType(engine) as 'text';
      await addIdColumn(db.schema.createTable('applicant'), engine)
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('org_path', path, (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('id_type', 'text', (c) => c.notNull())
        .addColumn('id_number_enc', 'text', (c) => c.notNull())
        .addColumn('id_number_index', 'text', (c) => c.notNull())
        .addColumn('id_number_masked', 'text', (c) => c.notNull())
        .addColumn('birth_date', 'text', (c) => c.notNull())
        .addColumn('sex', 'text', (c) => c.notNull())
        .addColumn('phone_enc', 'text')
        .addColumn('phone_masked', 'text')
        .addColumn('profile', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('score', 'real')
        .addColumn('step', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('is_open', 'integer', (c) => c.notNull())
        .addColumn('facts', 'text', (c) => c.notNull())
        .addColumn('member_id', 'integer', (c) => c.references('member.id'))
        .addColumn('development_number', 'text')
        .addColumn('approved_year', 'integer')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // One open application per person.
      await sql`create unique index applicant_open_person_idx on applicant (id_number_index) where is_open = 1`.execute(db);
      await db.schema.createIndex('applicant_org_idx').on('applicant').columns(['org_path', 'step']).execute();

      await addIdColumn(db.schema.createTable('applicant_step'), engine)
        .addColumn('applicant_id', 'integer', (c) => c.notNull().references('applicant.id'))
        .addColumn('org_path', path, (c) => c.notNull())
        .addColumn('step', 'integer', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('on_date', 'text')
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('actor_user_id', 'integer')
        .addColumn('actor_username', 'text', (c) => c.notNull())
        .addColumn('post_label', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('applicant_step_applicant_idx').on('applicant_step').columns(['applicant_id', 'id']).execute();

      await addIdColumn(db.schema.createTable('admission_notice'), engine)
        .addColumn('applicant_id', 'integer', (c) => c.notNull().references('applicant.id'))
        .addColumn('org_path', path, (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('start_on', 'text', (c) => c.notNull())
        .addColumn('end_on', 'text', (c) => c.notNull())
        .addColumn('objections', 'text')
        .addColumn('objections_resolved', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('admission_notice_applicant_idx').on('admission_notice').columns(['applicant_id', 'kind']).execute();

      await addIdColumn(db.schema.createTable('development_quota'), engine)
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('org_path', path, (c) => c.notNull())
        .addColumn('quota', 'integer', (c) => c.notNull())
        .addColumn('issued', 'integer', (c) => c.notNull())
        .addColumn('set_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('development_quota_org_year_idx').on('development_quota').columns(['org_id', 'year']).unique().execute();
      await db.schema.createIndex('development_quota_path_idx').on('development_quota').columns(['org_path', 'year']).execute();

      await addIdColumn(db.schema.createTable('number_range'), engine)
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('org_path', path, (c) => c.notNull())
        .addColumn('parent_range_id', 'integer', (c) => c.references('number_range.id'))
        .addColumn('first_no', 'bigint', (c) => c.notNull())
        .addColumn('last_no', 'bigint', (c) => c.notNull())
        .addColumn('next_no', 'bigint', (c) => c.notNull())
        .addColumn('issued_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('number_range_org_idx').on('number_range').columns(['org_id', 'year']).execute();
      await db.schema.createIndex('number_range_path_idx').on('number_range').columns(['org_path', 'year']).execute();

      await db.schema
        .createTable('youth_count')
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('org_path', path, (c) => c.notNull())
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('youth', 'integer', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('youth_count_pk', ['org_id', 'stage'])
        .execute();
      await db.schema.createIndex('youth_count_path_idx').on('youth_count').columns(['org_path', 'stage']).execute();
    },
  };
}
