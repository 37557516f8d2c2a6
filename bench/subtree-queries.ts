import { sql, type CompiledQuery } from 'kysely';
import type { Db } from '../src/platform/db/connect.ts';
import type { OrganizationRow } from '../src/platform/db/schema.ts';
import { toOrgDto } from '../src/modules/org/org.dto.ts';
import { filteredOrgs, type OrgListFilter } from '../src/modules/org/org.repository.ts';
import { listOrgs, type Page } from '../src/modules/org/find-orgs.ts';
import type { FieldCipher } from '../src/platform/pii/field-cipher.ts';
import type { DataScope } from '../src/platform/scope/data-scope.ts';

export const PAGE_SIZE = 20;

export type QueryKind = 'page' | 'count' | 'listOrgs';

/** The same question asked through the product and as the plain indexed query. */
export type QueryPair = {
  kind: QueryKind;
  product: () => Promise<unknown>;
  baseline: () => Promise<unknown>;
  /** The SQL of each side, for EXPLAIN (listOrgs runs several statements, so it has none). */
  productSql: CompiledQuery | null;
  baselineSql: CompiledQuery | null;
};

type ReadContext = { db: Db; cipher: FieldCipher; scope: DataScope };

/**
 * Three pairs for one subtree, seen from a post whose scope is `ctx.scope`:
 * - page: the page query listOrgs builds (filteredOrgs, order by path, limit 20) with its DTO mapping,
 *   against `select * … where path like 'prefix%' order by path limit 20`;
 * - count: the count query listOrgs builds, against `select count(*) … where path like 'prefix%'`;
 * - listOrgs: the service call itself (parent check in scope, then page and count in parallel),
 *   against the two plain queries run in parallel the same way.
 * page and count rebuild listOrgs' statements from the exported filteredOrgs so that each
 * half can be timed and EXPLAINed alone; listOrgs keeps the measurement honest if they drift.
 */
export function subtreeQueries(ctx: ReadContext, parent: OrganizationRow): QueryPair[] {
  const filter: OrgListFilter = { parentId: parent.id, depth: 'subtree' };
  const page: Page = { page: 1, pageSize: PAGE_SIZE };
  const productPage = () => filteredOrgs(ctx.db, ctx.scope, filter, parent).selectAll().orderBy('path').limit(PAGE_SIZE).offset(0);
  const productCount = () => filteredOrgs(ctx.db, ctx.scope, filter, parent).select((eb) => eb.fn.countAll<number>().as('n'));
  const rawPage = rawPageQuery(parent.path, PAGE_SIZE);
  const rawCount = rawCountQuery(parent.path);
  return [
    {
      kind: 'page',
      product: async () => (await productPage().execute()).map((row) => toOrgDto(row, ctx.cipher)),
      baseline: () => rawPage.execute(ctx.db),
      productSql: productPage().compile(),
      baselineSql: rawPage.compile(ctx.db),
    },
    {
      kind: 'count',
      product: () => productCount().executeTakeFirstOrThrow(),
      baseline: () => rawCount.execute(ctx.db),
      productSql: productCount().compile(),
      baselineSql: rawCount.compile(ctx.db),
    },
    {
      kind: 'listOrgs',
      product: () => listOrgs(ctx, filter, page),
      baseline: () => Promise.all([rawPage.execute(ctx.db), rawCount.execute(ctx.db)]),
      productSql: null,
      baselineSql: null,
    },
  ];
}

/** The plain subtree page: one range scan of the path index, already in path order. */
export function rawPageQuery(pathPrefix: string, limit: number) {
  return sql<OrganizationRow>`select * from organization where path like ${`${pathPrefix}%`} order by path limit ${limit}`;
}

export function rawCountQuery(pathPrefix: string) {
  return sql<{ n: number }>`select count(*) as n from organization where path like ${`${pathPrefix}%`}`;
}

/**
 * Fail the run when the product and the baseline disagree, since timings of different answers
 * compare nothing. The product leaves the parent itself out of its subtree; the plain query,
 * ordered by path, has it first.
 */
export async function assertSameAnswer(ctx: ReadContext, parent: OrganizationRow): Promise<void> {
  const product = await listOrgs(ctx, { parentId: parent.id, depth: 'subtree' }, { page: 1, pageSize: PAGE_SIZE });
  const { rows: [counted] } = await rawCountQuery(parent.path).execute(ctx.db);
  const { rows: page } = await rawPageQuery(parent.path, PAGE_SIZE + 1).execute(ctx.db);
  const expectedPaths = page.slice(1).map((r) => r.path).join(' ');
  const productPaths = product.items.map((o) => o.path).join(' ');
  if (product.total !== Number(counted?.n) - 1 || productPaths !== expectedPaths) {
    throw new Error(`listOrgs and the plain query disagree under ${parent.path}: total ${product.total} vs ${Number(counted?.n) - 1}, page [${productPaths}] vs [${expectedPaths}]`);
  }
}
