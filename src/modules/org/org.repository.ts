import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { AppError } from '../../platform/http/app-error.ts';
import type { Database, OrganizationRow } from '../../platform/db/schema.ts';
import { scopePredicate, type DataScope } from '../../platform/scope/data-scope.ts';
import { escapeLike } from '../../platform/db/escape-like.ts';

const ORG_COLUMNS = { path: 'organization.path', orgId: 'organization.id' };

/** Organizations the scope may see. Every read of the table starts here. */
export function scopedOrgs(db: Kysely<Database>, scope: DataScope): SelectQueryBuilder<Database, 'organization', {}> {
  return db.selectFrom('organization').where(scopePredicate<Database, 'organization'>(scope, ORG_COLUMNS));
}

export async function findOrgInScope(db: Kysely<Database>, scope: DataScope, id: number): Promise<OrganizationRow | undefined> {
  return scopedOrgs(db, scope).selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The set of the given ids that the scope may see (set-based access check).
 * Callers that need every id use requireOrgsInScope.
 */
export async function accessibleOrgIds(db: Kysely<Database>, scope: DataScope, ids: readonly number[]): Promise<Set<number>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = await scopedOrgs(db, scope).select('id').where('id', 'in', unique).execute();
  return new Set(rows.map((r) => r.id));
}

/** Load every named organization, or answer 404 when any lies outside the scope. */
export async function requireOrgsInScope(db: Kysely<Database>, scope: DataScope, ids: readonly number[]): Promise<Map<number, OrganizationRow>> {
  const unique = [...new Set(ids)];
  const rows = unique.length === 0 ? [] : await scopedOrgs(db, scope).selectAll().where('id', 'in', unique).execute();
  if (rows.length !== unique.length) throw new AppError('NOT_FOUND');
  return new Map(rows.map((r) => [r.id, r]));
}

/** A filter for listing organizations. */
export type OrgListFilter = {
  /** List under this organization; without it, everything in scope. */
  parentId?: number;
  /** Direct children only, or the whole subtree below the parent. */
  depth: 'children' | 'subtree';
  /** Name fragment, or pinyin initials anywhere in the name ('cds' finds 共青团成都市委). */
  q?: string;
  type?: string;
  status?: string;
};


/** The filtered organizations in scope (not yet paged or ordered). */
export function filteredOrgs(db: Kysely<Database>, scope: DataScope, filter: OrgListFilter, parent: OrganizationRow | undefined) {
  let query = scopedOrgs(db, scope);
  if (parent) {
    query = filter.depth === 'children'
      ? query.where('parent_id', '=', parent.id)
      // path > parent.path excludes the parent itself and, unlike id != …, stays inside the index.
      : query.where('path', 'like', `${parent.path}%`).where('path', '>', parent.path);
  }
  if (filter.q) {
    const q = filter.q.trim();
    const initials = q.toLowerCase();
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`organization.name like ${`%${escapeLike(q)}%`} escape '\\'`,
        ...(/^[a-z0-9]+$/.test(initials) ? [sql<boolean>`organization.name_initials like ${`%${escapeLike(initials)}%`} escape '\\'`] : []),
      ]),
    );
  }
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.status) query = query.where('status', '=', filter.status);
  return query;
}

/** The top-most organizations a scope can see, for the roots of the tree. */
export async function scopeRoots(db: Kysely<Database>, scope: DataScope): Promise<OrganizationRow[]> {
  switch (scope.kind) {
    case 'all':
      return db.selectFrom('organization').selectAll().where('parent_id', 'is', null).orderBy('id').execute();
    case 'subtree':
    case 'custom': {
      if (scope.pathPrefixes.length === 0) return [];
      const rows = await db.selectFrom('organization').selectAll().where('path', 'in', [...scope.pathPrefixes]).orderBy('path').execute();
      // A chosen organization inside another chosen one is not a root of its own.
      return rows.filter((row) => !rows.some((other) => other !== row && row.path.startsWith(other.path)));
    }
    case 'self_org':
    case 'self':
      return db.selectFrom('organization').selectAll().where('id', '=', scope.orgId ?? -1).execute();
  }
}
