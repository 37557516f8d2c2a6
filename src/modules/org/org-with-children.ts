import { sql, type Kysely } from 'kysely';
import type { Database, OrganizationRow } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { DataScope } from '../../platform/scope/data-scope.ts';
import { filteredOrgs, requireOrgsInScope, scopeRoots } from './org.repository.ts';

/** A direct child as the per-organization reports list it. */
export type ChildOrg = { id: number; name: string; type: string; path: string; child_count: number };

/**
 * The organization a report is about (the one asked for, in scope, else the post's own) and its
 * direct children in scope, in region-code then name order. A post that sees only its own
 * organization gets no children. Every "本级及下一级" report starts here.
 */
export async function orgWithChildren(db: Kysely<Database>, scope: DataScope, orgId: number | undefined): Promise<{ org: OrganizationRow; children: ChildOrg[] }> {
  const org = orgId === undefined ? (await scopeRoots(db, scope))[0] : (await requireOrgsInScope(db, scope, [orgId])).get(orgId);
  if (!org) throw new AppError('NOT_FOUND');
  const children = scope.kind === 'self_org' || scope.kind === 'self'
    ? []
    : await filteredOrgs(db, scope, { parentId: org.id, depth: 'children' }, org)
      .select(['id', 'name', 'type', 'path', 'child_count'])
      .orderBy(sql`coalesce(region_code, '')`)
      .orderBy('name')
      .execute();
  return { org, children };
}
