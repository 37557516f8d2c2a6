import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataScope } from '../../../platform/scope/data-scope.ts';
import { scopedOrgs } from '../org.repository.ts';
import { seedProvinceScale } from '../../../seed/province-scale.ts';
import { createTestDb, testEngine, type TestDb } from '../../../../test/helpers/test-db.ts';

/** DESIGN.md: the subtree predicate must be answered from the path index on both engines. */
describe('subtree predicate uses the path index', () => {
  let t: TestDb;
  let city: { id: number; path: string };

  beforeAll(async () => {
    t = await createTestDb();
    await seedProvinceScale(t.db, 6000);
    if (testEngine === 'postgres') await sql`analyze organization`.execute(t.db);
    city = await t.db.selectFrom('organization').select(['id', 'path']).where('region_code', '=', '510100').executeTakeFirstOrThrow();
  });
  afterAll(async () => t?.destroy());

  it('plans the scoped subtree query as an index range over path', async () => {
    const scope = DataScope.forPost({ kind: 'subtree', orgId: city.id, orgPath: city.path, userId: 1 });
    const query = scopedOrgs(t.db, scope).select('id').where('path', 'like', `${city.path}%`).compile();
    if (testEngine === 'sqlite') {
      const plan = await sql.raw<{ detail: string }>(`explain query plan ${inline(query.sql, query.parameters)}`).execute(t.db);
      const details = plan.rows.map((r) => r.detail).join('\n');
      expect(details).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_organization_1 \(path>\? AND path<\?\)/);
      expect(details).not.toMatch(/SCAN organization/);
    } else {
      // One connection for both statements; seq scans off so the plan shows whether the index *can* answer LIKE.
      const plan = await t.db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        return sql.raw<{ 'QUERY PLAN': string }>(`explain ${inline(query.sql, query.parameters)}`).execute(trx);
      });
      const details = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(details).toMatch(/Index Cond: \(\(path >= '.*'::text\) AND \(path < '.*'::text\)\)/);
    }
  });
});

/** EXPLAIN cannot take bind parameters on either engine; the values here are digits and slashes only. */
function inline(text: string, parameters: readonly unknown[]): string {
  let i = 0;
  return text.replace(/\?|\$\d+/g, () => {
    const value = parameters[i++];
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string' || !/^[\d/%]+$/.test(value)) throw new Error(`unexpected parameter ${String(value)}`);
    return `'${value}'`;
  });
}
