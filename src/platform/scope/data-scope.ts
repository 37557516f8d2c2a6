import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';

/** 数据范围: 全部 / 本级及下级 / 本级 / 自定义 / 仅本人. */
export const SCOPE_KINDS = ['all', 'subtree', 'self_org', 'custom', 'self'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export const scopeLabels: Record<ScopeKind, { zh: string; en: string }> = {
  all: { zh: '全部', en: 'All' },
  subtree: { zh: '本级及下级', en: 'Own and below' },
  self_org: { zh: '本级', en: 'Own organization' },
  custom: { zh: '自定义', en: 'Custom organizations' },
  self: { zh: '仅本人', en: 'Own records only' },
};

/**
 * The data a post may see, compiled once per request. Scoped repository functions take one
 * as a required argument; it can only be made from a post (or explicitly for the system),
 * so an unscoped query does not type-check.
 */
export class DataScope {
  readonly #brand = 'DataScope';
  private constructor(
    readonly kind: ScopeKind,
    /** Organization of the post. */
    readonly orgId: number | null,
    /** Path prefixes whose subtrees are visible (subtree and custom kinds). */
    readonly pathPrefixes: readonly string[],
    /** The user, for 仅本人 scopes. */
    readonly userId: number | null,
    /** Path of the post's organization, to tell whether it stands above an object (approvals). */
    readonly postOrgPath: string | null,
  ) {}

  /** Scope of a post. `customPaths` are the paths of the organizations chosen for a custom scope. */
  static forPost(post: { kind: ScopeKind; orgId: number; orgPath: string; userId: number; customPaths?: string[] }): DataScope {
    switch (post.kind) {
      case 'all':
        return new DataScope('all', post.orgId, [], post.userId, post.orgPath);
      case 'subtree':
        return new DataScope('subtree', post.orgId, [post.orgPath], post.userId, post.orgPath);
      case 'custom':
        return new DataScope('custom', post.orgId, post.customPaths ?? [], post.userId, post.orgPath);
      case 'self_org':
      case 'self':
        return new DataScope(post.kind, post.orgId, [], post.userId, post.orgPath);
    }
  }

  /** The whole database, for the command line and system jobs only. */
  static system(): DataScope {
    return new DataScope('all', null, [], null, null);
  }

  toString(): string {
    return `${this.#brand}(${this.kind})`;
  }
}

/** Columns a scoped table exposes to the predicate. */
export type ScopedColumns = { path: string; orgId: string };

/**
 * The scope as a SQL predicate over a row's organization path and id.
 * Subtrees are path prefixes, which both engines answer from the path index.
 */
export function scopePredicate<DB, TB extends keyof DB>(
  scope: DataScope,
  columns: ScopedColumns,
): (eb: ExpressionBuilder<DB, TB>) => Expression<SqlBool> {
  return (eb) => {
    const path = sql.ref(columns.path);
    const orgId = sql.ref(columns.orgId);
    switch (scope.kind) {
      case 'all':
        return sql<SqlBool>`1 = 1`;
      case 'subtree':
      case 'custom': {
        if (scope.pathPrefixes.length === 0) return sql<SqlBool>`1 = 0`;
        return eb.or(scope.pathPrefixes.map((prefix) => sql<SqlBool>`${path} like ${`${prefix}%`}`));
      }
      case 'self_org':
      case 'self':
        return sql<SqlBool>`${orgId} = ${scope.orgId ?? -1}`;
    }
  };
}

/**
 * True when the whole subtree under a path lies inside the scope: for work that reaches every
 * organization below one (a school's graduates in its class branches). A 本级 or 仅本人 scope
 * never holds a subtree, whatever organization it sits at.
 */
export function scopeContainsSubtree(scope: DataScope, path: string): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'subtree':
    case 'custom':
      return scope.pathPrefixes.some((prefix) => path.startsWith(prefix));
    case 'self_org':
    case 'self':
      return false;
  }
}

/** True when a path lies inside the scope (for objects already loaded). */
export function scopeContainsPath(scope: DataScope, path: string, orgId: number): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'subtree':
    case 'custom':
      return scope.pathPrefixes.some((prefix) => path.startsWith(prefix));
    case 'self_org':
    case 'self':
      return orgId === scope.orgId;
  }
}
