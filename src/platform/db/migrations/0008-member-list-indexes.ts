import type { Kysely } from 'kysely';

/**
 * Indexes for the member list at province scale (bench/README.md, member benchmark):
 * - (org_path, sex, birth_date) answers the subtree count with the two most used filters from the
 *   index alone;
 * - (name_initials, name, id) lets the default name order read a page in index order and stop.
 * A (birth_date, id) index was measured and left out: planners chose it for small branches too,
 * and a 21-member branch's page then scanned the whole table.
 */
export function memberListIndexes() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('member_path_sex_birth_idx').on('member').columns(['org_path', 'sex', 'birth_date']).execute();
      await db.schema.createIndex('member_name_order_idx').on('member').columns(['name_initials', 'name', 'id']).execute();
    },
  };
}
