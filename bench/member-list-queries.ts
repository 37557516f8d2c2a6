import { sql, type CompiledQuery } from 'kysely';
import type { Db } from '../src/platform/db/connect.ts';
import type { BlindIndex } from '../src/platform/pii/blind-index.ts';
import type { DataScope } from '../src/platform/scope/data-scope.ts';
import { yearsBefore } from '../src/platform/time/china-date.ts';
import { toMemberDto } from '../src/modules/members/member.dto.ts';
import { filteredMembers, withBranchNames, type MemberListFilter } from '../src/modules/members/member.repository.ts';
import { listMembers, type MemberListRequest } from '../src/modules/members/find-members.ts';

export const MEMBER_PAGE_SIZE = 20;

export type ListSort = 'name' | 'birthDate';
export type ListQueryKind = 'count' | 'page' | 'listMembers';

/** The filter every list measurement uses: women aged 18 to 22 (about a sixth of the members). */
export const LIST_FILTER = { sex: 'female', ageMin: 18, ageMax: 22 } as const satisfies MemberListFilter;

/** The same question asked through the product and as plain SQL. */
export type ListPair = {
  kind: ListQueryKind;
  sort: ListSort | null;
  product: () => Promise<unknown>;
  baseline: () => Promise<unknown>;
  productSql: CompiledQuery | null;
  baselineSql: CompiledQuery | null;
};

type ReadContext = { db: Db; scope: DataScope; blindIndex: BlindIndex };

function request(sort: ListSort): MemberListRequest {
  return { ...LIST_FILTER, sort, order: 'asc', page: 1, pageSize: MEMBER_PAGE_SIZE };
}

/**
 * For one post (its 本级及下级 scope is the whole list, no organization picked, as the member page
 * opens): the count listMembers runs, and per sort the page it runs and listMembers itself, each
 * against the plain SQL of the same answer:
 * - count: `select count(*) from member where org_path like 'prefix%' and sex = ? and birth_date …` (no join: every member has its branch);
 * - page: `select m.*, o.name from (select * from member where … order by <sort>, id limit 20) m join organization o …`;
 * - listMembers: the service (page and count in parallel, DTO mapping) against the two plain queries in parallel.
 * The product's page and count are rebuilt from the exported filteredMembers exactly as listMembers
 * builds them, so that each can be timed and EXPLAINed alone.
 */
export function memberListQueries(ctx: ReadContext, prefix: string, today: string): ListPair[] {
  const filtered = () => filteredMembers(ctx.db, ctx.scope, { ...LIST_FILTER }, ctx.blindIndex, today);
  const productCount = () => filtered().select((eb) => eb.fn.countAll<number>().as('n'));
  const productPage = (sort: ListSort) => {
    const columns = sort === 'name' ? (['name_initials', 'name', 'id'] as const) : (['birth_date', 'id'] as const);
    const order = columns.map((column) => ({ column, direction: 'asc' as const }));
    let page = filtered().selectAll('member');
    for (const { column } of order) page = page.orderBy(`member.${column}`, 'asc');
    return withBranchNames(ctx.db, page.limit(MEMBER_PAGE_SIZE).offset(0), order);
  };
  const rawCount = rawCountQuery(prefix, today);
  const pairs: ListPair[] = [{
    kind: 'count', sort: null,
    product: () => productCount().executeTakeFirstOrThrow(),
    baseline: () => rawCount.execute(ctx.db),
    productSql: productCount().compile(),
    baselineSql: rawCount.compile(ctx.db),
  }];
  for (const sort of ['name', 'birthDate'] as const) {
    const rawPage = rawPageQuery(prefix, today, sort);
    pairs.push({
      kind: 'page', sort,
      product: async () => (await productPage(sort).execute()).map((r) => toMemberDto(r, today)),
      baseline: () => rawPage.execute(ctx.db),
      productSql: productPage(sort).compile(),
      baselineSql: rawPage.compile(ctx.db),
    }, {
      kind: 'listMembers', sort,
      product: () => listMembers(ctx, request(sort)),
      baseline: () => Promise.all([rawPage.execute(ctx.db), rawCount.execute(ctx.db)]),
      productSql: null,
      baselineSql: null,
    });
  }
  return pairs;
}

function ageBounds(today: string) {
  // As filteredMembers: age a..b is born on or before (today − a years) and after (today − (b+1) years).
  return { latest: yearsBefore(today, LIST_FILTER.ageMin), after: yearsBefore(today, LIST_FILTER.ageMax + 1) };
}

export function rawCountQuery(prefix: string, today: string) {
  const { latest, after } = ageBounds(today);
  return sql<{ n: number }>`select count(*) as n from member
    where org_path like ${`${prefix}%`} and sex = ${LIST_FILTER.sex} and birth_date <= ${latest} and birth_date > ${after}`;
}

/** The page sorted and cut on member alone, then joined to the branches of its 20 rows. */
export function rawPageQuery(prefix: string, today: string, sort: ListSort) {
  const { latest, after } = ageBounds(today);
  const order = sort === 'name' ? sql`name_initials, name, id` : sql`birth_date, id`;
  const outer = sort === 'name' ? sql`m.name_initials, m.name, m.id` : sql`m.birth_date, m.id`;
  return sql<{ id: number }>`select m.*, o.name as org_name from (
      select * from member
      where org_path like ${`${prefix}%`} and sex = ${LIST_FILTER.sex} and birth_date <= ${latest} and birth_date > ${after}
      order by ${order} limit ${MEMBER_PAGE_SIZE}
    ) m join organization o on o.id = m.org_id
    order by ${outer}`;
}

/** Fail the run when listMembers and the plain SQL disagree: timings of different answers compare nothing. */
export async function assertSameList(ctx: ReadContext, prefix: string, today: string): Promise<{ total: number }> {
  let total = -1;
  for (const sort of ['name', 'birthDate'] as const) {
    const product = await listMembers(ctx, request(sort));
    const { rows: [counted] } = await rawCountQuery(prefix, today).execute(ctx.db);
    const { rows: page } = await rawPageQuery(prefix, today, sort).execute(ctx.db);
    const expected = page.map((r) => r.id).join(' ');
    const got = product.items.map((m) => m.id).join(' ');
    if (product.total !== Number(counted?.n) || got !== expected) {
      throw new Error(`listMembers and the plain SQL disagree under ${prefix} (sort ${sort}): total ${product.total} vs ${Number(counted?.n)}, page [${got}] vs [${expected}]`);
    }
    total = product.total;
  }
  return { total };
}
