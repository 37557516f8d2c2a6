import type { Kysely } from 'kysely';
import { appendAudit, type Actor } from '../../platform/audit/audit-log.ts';
import type { AppUserRow, Database, SessionRow } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { rule } from '../../platform/rules/rules.ts';
import { DataScope, scopeLabels, type ScopeKind } from '../../platform/scope/data-scope.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { passwordProblems } from './password-policy.ts';
import { passwordContextOf } from './password-personal-context.ts';
import type { FieldCipher } from '../../platform/pii/field-cipher.ts';
import { tokenDigest } from './token-digest.ts';

export type Deps = { db: Kysely<Database>; auditKey: Buffer };

/** A post as the session knows it, with its organization and role. */
export type PostInfo = {
  id: number;
  orgId: number;
  orgName: string;
  orgPath: string;
  orgStatus: string;
  /** 行政区划 of the organization, when it has one: decides whether its cadres need a second factor. */
  orgRegionCode: string | null;
  roleCode: string;
  roleName: string;
  scope: ScopeKind;
  scopeName: string;
  status: string;
  /** The post can act: the post is active and its organization too. */
  usable: boolean;
};

/** Everything a request knows about who is calling. */
export type AuthState = {
  session: SessionRow;
  user: AppUserRow;
  posts: PostInfo[];
  /** The post the user acts through; null when none is usable. */
  post: PostInfo | null;
  permissions: Set<string>;
  scope: DataScope | null;
};

const minutes = (n: number) => n * 60_000;

/** The user's posts with organization and role, the usable ones first. */
export async function loadPosts(db: Kysely<Database>, userId: number): Promise<PostInfo[]> {
  const rows = await db
    .selectFrom('post')
    .innerJoin('organization', 'organization.id', 'post.org_id')
    .innerJoin('role', 'role.id', 'post.role_id')
    .select([
      'post.id', 'post.org_id', 'post.scope', 'post.status', 'organization.name as org_name', 'organization.path as org_path',
      'organization.status as org_status', 'organization.region_code as org_region_code', 'role.code as role_code', 'role.name_zh as role_name',
    ])
    .where('post.user_id', '=', userId)
    .orderBy('post.id')
    .execute();
  return rows
    .map((r) => ({
      id: r.id, orgId: r.org_id, orgName: r.org_name, orgPath: r.org_path, orgStatus: r.org_status, orgRegionCode: r.org_region_code, roleCode: r.role_code,
      roleName: r.role_name, scope: r.scope as ScopeKind, scopeName: scopeLabels[r.scope as ScopeKind]?.zh ?? r.scope,
      status: r.status, usable: r.status === 'active' && r.org_status === 'active',
    }))
    .sort((a, b) => Number(b.usable) - Number(a.usable));
}

/** The data scope a post gives today (a custom scope counts only its organizations that are still active). */
export async function scopeOf(db: Kysely<Database>, post: PostInfo, userId: number): Promise<DataScope> {
  let customPaths: string[] | undefined;
  if (post.scope === 'custom') {
    const rows = await db
      .selectFrom('post_scope_org')
      .innerJoin('organization', 'organization.id', 'post_scope_org.org_id')
      .select('organization.path')
      .where('post_scope_org.post_id', '=', post.id)
      .where('organization.status', '=', 'active')
      .execute();
    customPaths = rows.map((r) => r.path);
  }
  return DataScope.forPost({ kind: post.scope, orgId: post.orgId, orgPath: post.orgPath, userId, customPaths });
}

/** The permissions a role holds now. */
export async function permissionsOf(db: Kysely<Database>, roleCode: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('role_permission')
    .innerJoin('role', 'role.id', 'role_permission.role_id')
    .select('role_permission.permission')
    .where('role.code', '=', roleCode)
    .execute();
  return new Set(rows.map((r) => r.permission));
}

/** The audit actor for a request. */
export function actorOf(auth: AuthState | null, ip: string | null, requestId: string | null, fallbackUsername = 'anonymous'): Actor {
  return {
    userId: auth?.user.id ?? null,
    username: auth?.user.username ?? fallbackUsername,
    postId: auth?.post?.id ?? null,
    postLabel: auth?.post ? `${auth.post.orgName} · ${auth.post.roleName}` : null,
    ip,
    requestId,
  };
}

/** Everything a request knows, for a session row of a user. */
export async function buildAuthState(db: Kysely<Database>, session: SessionRow, user: AppUserRow, posts?: PostInfo[]): Promise<AuthState> {
  const allPosts = posts ?? (await loadPosts(db, user.id));
  const post = allPosts.find((p) => p.id === session.post_id && p.usable) ?? null;
  return {
    session,
    user,
    posts: allPosts,
    post,
    permissions: post ? await permissionsOf(db, post.roleCode) : new Set(),
    scope: post ? await scopeOf(db, post, user.id) : null,
  };
}

/** The session behind a cookie token, or null when it is unknown, idle too long or past its lifetime. */
export async function resolveSession(db: Kysely<Database>, token: string, now = new Date()): Promise<AuthState | null> {
  const session = await db.selectFrom('session').selectAll().where('id', '=', tokenDigest(token)).executeTakeFirst();
  if (!session) return null;
  const idleLimit = minutes(rule(session.administrator === 1 ? 'auth.adminSessionIdleMinutes' : 'auth.sessionIdleMinutes'));
  if (session.expires_at <= now.toISOString() || now.getTime() - Date.parse(session.last_seen_at) > idleLimit) {
    await db.deleteFrom('session').where('id', '=', session.id).execute();
    return null;
  }
  const user = await db.selectFrom('app_user').selectAll().where('id', '=', session.user_id).executeTakeFirst();
  if (!user || user.status !== 'active') return null;
  // Touch at most once a minute: the idle clock does not need more, and reads stay reads.
  if (now.getTime() - Date.parse(session.last_seen_at) > 60_000) {
    await db.updateTable('session').set({ last_seen_at: now.toISOString() }).where('id', '=', session.id).execute();
  }
  return buildAuthState(db, session, user);
}

export async function logout(deps: Deps, auth: AuthState, actor: Actor): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('session').where('id', '=', auth.session.id).execute();
    await appendAudit(trx, deps.auditKey, actor, { action: 'auth.logout', targetType: 'user', targetId: auth.user.id, targetLabel: auth.user.username });
  });
}

/** 切换岗位: act through another of one's own usable posts. */
export async function switchPost(deps: Deps, auth: AuthState, postId: number, actor: Actor): Promise<AuthState> {
  const post = auth.posts.find((p) => p.id === postId && p.usable);
  if (!post) throw new AppError('NOT_FOUND');
  const session = { ...auth.session, post_id: postId };
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('session').set({ post_id: postId }).where('id', '=', auth.session.id).execute();
    await appendAudit(trx, deps.auditKey, { ...actor, postId }, { action: 'auth.switch_post', orgPath: post.orgPath, targetType: 'post', targetId: postId, targetLabel: `${post.orgName} · ${post.roleName}` });
  });
  return buildAuthState(deps.db, session, auth.user, auth.posts);
}

/** 修改密码: needs the current password; every other session of the user ends. */
export async function changePassword(deps: Deps & { cipher: FieldCipher }, auth: AuthState, input: { currentPassword: string; newPassword: string }, actor: Actor): Promise<void> {
  if (!(await verifyPassword(input.currentPassword, auth.user.password_hash))) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'currentPassword', code: 'wrong_password', message: { zh: '当前密码不正确', en: 'the current password is wrong' } }] });
  }
  const problems = passwordProblems(input.newPassword, await passwordContextOf(deps.db, deps.cipher, auth.user.id));
  if (input.newPassword === input.currentPassword) problems.push({ zh: '新密码不能与当前密码相同', en: 'must differ from the current password' });
  if (problems.length > 0) {
    throw new AppError('PASSWORD_POLICY', { fields: problems.map((message) => ({ field: 'newPassword', code: 'password_policy', message })) });
  }
  const hash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('app_user').set({ password_hash: hash, password_changed_at: new Date().toISOString(), must_change_password: 0 }).where('id', '=', auth.user.id).execute();
    await trx.deleteFrom('session').where('user_id', '=', auth.user.id).where('id', '!=', auth.session.id).execute();
    await appendAudit(trx, deps.auditKey, actor, { action: 'user.change_password', targetType: 'user', targetId: auth.user.id, targetLabel: auth.user.username });
  });
}
