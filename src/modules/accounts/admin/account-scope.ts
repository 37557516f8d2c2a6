import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { scopeContainsPath, scopePredicate, type DataScope } from '../../../platform/scope/data-scope.ts';

/**
 * Which accounts an administrator's post reaches (DOMAIN §12 DB-07): those whose 所属组织 lies in
 * the post's data scope. An account without an organization (made before accounts had one, with
 * no post) is the province's: only an administrator with the whole province in scope sees it.
 */
export function accountInScope(scope: DataScope): (eb: ExpressionBuilder<Database, 'app_user'>) => Expression<SqlBool> {
  return (eb) => {
    if (scope.kind === 'all') return sql<SqlBool>`1 = 1`;
    const homeInScope = scopePredicate<Database, 'organization'>(scope, { path: 'organization.path', orgId: 'organization.id' });
    // The predicate names organization.path and organization.id, the subquery's own columns; its
    // builder type is for a top-level query of the table, hence the cast.
    return eb.exists((inner) => inner.selectFrom('organization').select('organization.id').whereRef('organization.id', '=', 'app_user.org_id').where(homeInScope as never));
  };
}

/** An account in scope, or 404 (never 403, so accounts elsewhere cannot be enumerated). */
export async function accountOr404(db: Kysely<Database>, scope: DataScope, userId: number) {
  const user = await db.selectFrom('app_user').selectAll().where('id', '=', userId).where(accountInScope(scope)).executeTakeFirst();
  if (!user) throw new AppError('NOT_FOUND');
  return user;
}

/**
 * An account the administrator may change: in scope, and with every active post in scope too, so
 * a city administrator cannot disable or reset someone who also holds a post above the city.
 */
export async function manageableAccountOr404(db: Kysely<Database>, scope: DataScope, userId: number) {
  const user = await accountOr404(db, scope, userId);
  if (scope.kind !== 'all') {
    const posts = await db
      .selectFrom('post')
      .innerJoin('organization', 'organization.id', 'post.org_id')
      .select(['organization.id', 'organization.path'])
      .where('post.user_id', '=', userId)
      .where('post.status', '=', 'active')
      .execute();
    if (posts.some((p) => !scopeContainsPath(scope, p.path, p.id))) throw new AppError('NOT_FOUND');
  }
  return user;
}

/** An organization in scope, or 404. */
export async function orgInScopeOr404(db: Kysely<Database>, scope: DataScope, orgId: number) {
  const org = await db.selectFrom('organization').select(['id', 'path', 'name', 'status']).where('id', '=', orgId).executeTakeFirst();
  if (!org || !scopeContainsPath(scope, org.path, org.id)) throw new AppError('NOT_FOUND');
  return org;
}

/** 所属组织's path of an account, for its audit entries; null for an account without one. */
export async function accountHomePath(db: Kysely<Database>, orgId: number | null): Promise<string | null> {
  if (orgId === null) return null;
  return (await db.selectFrom('organization').select('path').where('id', '=', orgId).executeTakeFirst())?.path ?? null;
}
