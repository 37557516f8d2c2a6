import { sql } from 'kysely';
import type { ServiceContext } from '../../platform/service-context.ts';
import { toOrgDto, type OrgDto } from './org.dto.ts';
import { filteredOrgs, findOrgInScope, requireOrgsInScope, scopeRoots, type OrgListFilter } from './org.repository.ts';
import { AppError } from '../../platform/http/app-error.ts';

type ReadContext = Pick<ServiceContext, 'db' | 'cipher' | 'scope'>;

export async function getOrg(ctx: ReadContext, id: number): Promise<OrgDto> {
  const row = await findOrgInScope(ctx.db, ctx.scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  return toOrgDto(row, ctx.cipher);
}

export type Page = { page: number; pageSize: number };

/** One page of the organizations in scope that match the filter, with the total count. */
export async function listOrgs(ctx: ReadContext, filter: OrgListFilter, page: Page): Promise<{ items: OrgDto[]; total: number }> {
  const parent = filter.parentId === undefined ? undefined : (await requireOrgsInScope(ctx.db, ctx.scope, [filter.parentId])).get(filter.parentId);
  const base = filteredOrgs(ctx.db, ctx.scope, filter, parent);
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .$if(filter.depth === 'children' && parent !== undefined, (q) => q.orderBy(sql`coalesce(region_code, '')`).orderBy('name').orderBy('id'))
      .$if(!(filter.depth === 'children' && parent !== undefined), (q) => q.orderBy('path'))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => toOrgDto(r, ctx.cipher)), total: Number(count.n) };
}

/** A node of the organization tree, for lazy loading. */
export type OrgTreeNode = { id: number; parentId: number | null; name: string; type: string; kind: string; status: string; childCount: number };

/** The children of a node in scope, or the scope's roots when no parent is given. */
export async function orgTreeChildren(ctx: ReadContext, parentId: number | undefined): Promise<OrgTreeNode[]> {
  let rows;
  if (parentId === undefined) {
    rows = await scopeRoots(ctx.db, ctx.scope);
  } else {
    const parent = (await requireOrgsInScope(ctx.db, ctx.scope, [parentId])).get(parentId);
    rows = await filteredOrgs(ctx.db, ctx.scope, { parentId, depth: 'children' }, parent)
      .selectAll()
      .orderBy('status')
      // Leading bodies in GB/T 2260 order (成都 first), then by name.
      .orderBy(sql`coalesce(region_code, '')`)
      .orderBy('name')
      .orderBy('id')
      .execute();
  }
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    type: r.type,
    kind: r.kind,
    status: r.status,
    // A 本级 scope sees no children even when they exist.
    childCount: ctx.scope.kind === 'self_org' || ctx.scope.kind === 'self' ? 0 : r.child_count,
  }));
}
