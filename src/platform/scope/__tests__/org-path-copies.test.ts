import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testEngine, type TestDb } from '../../../../test/helpers/test-db.ts';
import { ORG_PATH_COPIES, ORG_PATH_SNAPSHOTS } from '../org-path-copies.ts';

/** A path copy that a subtree move does not rewrite would put rows outside the scope that owns them. */
describe('organization path copies', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t?.destroy());

  it('lists every column that keeps a copy of an organization path, as rewritten or as a snapshot', async () => {
    const columns = testEngine === 'sqlite'
      ? (await sql<{ table_name: string; column_name: string }>`
          select m.name as table_name, p.name as column_name from sqlite_master m join pragma_table_info(m.name) p
          where m.type = 'table'`.execute(t.db)).rows
      : (await sql<{ table_name: string; column_name: string }>`
          select table_name, column_name from information_schema.columns where table_schema = current_schema()`.execute(t.db)).rows;
    const copies = columns.filter((c) => c.column_name.endsWith('org_path')).map((c) => `${c.table_name}.${c.column_name}`);
    expect(copies.length).toBeGreaterThan(2);
    expect(new Set(copies)).toEqual(new Set([...ORG_PATH_COPIES, ...ORG_PATH_SNAPSHOTS].map((c) => `${c.table}.${c.column}`)));
  });
});
