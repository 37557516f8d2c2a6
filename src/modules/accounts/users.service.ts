import type { Kysely } from 'kysely';
import { appendAudit, type Actor } from '../../platform/audit/audit-log.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { SCOPE_KINDS, type ScopeKind } from '../../platform/scope/data-scope.ts';
import { hashPassword } from './password-hash.ts';
import { BUILT_IN_ROLES } from './permissions.ts';
import { passwordProblems } from './password-policy.ts';

type Deps = { db: Kysely<Database>; auditKey: Buffer; actor: Actor };

function refuseWeakPassword(password: string, username: string): void {
  const problems = passwordProblems(password, { username });
  if (problems.length > 0) {
    throw new AppError('PASSWORD_POLICY', {
      fields: problems.map((message) => ({ field: 'newPassword', code: 'password_policy', message })),
    });
  }
}

/** 新建账号. The password must satisfy the policy; `mustChange` forces a change at first login. */
export async function createUser(
  deps: Deps,
  input: { username: string; displayName: string; password: string; mustChange: boolean },
): Promise<{ id: number }> {
  if (!/^[A-Za-z0-9_.-]{3,40}$/.test(input.username)) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'username', code: 'pattern', message: { zh: '用户名为3至40位字母、数字、下划线、点或连字符', en: '3–40 letters, digits, _ . or -' } }] });
  }
  refuseWeakPassword(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('app_user').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) throw new AppError('CONFLICT', { fields: [{ field: 'username', code: 'duplicate', message: { zh: '用户名已被使用', en: 'username already taken' } }] });
    const now = new Date().toISOString();
    const user = await trx
      .insertInto('app_user')
      .values({
        username: input.username, display_name: input.displayName, password_hash: passwordHash, password_changed_at: now,
        must_change_password: input.mustChange ? 1 : 0, failed_attempts: 0, status: 'active', created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, deps.auditKey, deps.actor, { action: 'user.create', targetType: 'user', targetId: user.id, targetLabel: input.username });
    return user;
  });
}

/** 任职: give a user a role in an organization with a data scope. */
export async function createPost(
  deps: Deps,
  input: { userId: number; orgId: number; roleCode: string; scope?: ScopeKind; customOrgIds?: number[] },
): Promise<{ id: number }> {
  return deps.db.transaction().execute(async (trx) => {
    const role = await trx.selectFrom('role').select(['id', 'code']).where('code', '=', input.roleCode).executeTakeFirst();
    if (!role) throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'roleCode', code: 'unknown', message: { zh: '角色不存在', en: 'unknown role' } }] });
    const org = await trx.selectFrom('organization').select(['id', 'path', 'name']).where('id', '=', input.orgId).executeTakeFirst();
    if (!org) throw new AppError('NOT_FOUND');
    const scope = input.scope ?? BUILT_IN_ROLES.find((r) => r.code === role.code)?.defaultScope ?? 'self_org';
    if (!SCOPE_KINDS.includes(scope)) throw new AppError('VALIDATION_FAILED');
    const post = await trx
      .insertInto('post')
      .values({ user_id: input.userId, org_id: input.orgId, role_id: role.id, scope, status: 'active', created_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    // An account belongs where its first post is, which puts it in that organization's administrators' scope.
    await trx.updateTable('app_user').set({ org_id: input.orgId }).where('id', '=', input.userId).where('org_id', 'is', null).execute();
    for (const orgId of input.customOrgIds ?? []) {
      await trx.insertInto('post_scope_org').values({ post_id: post.id, org_id: orgId }).execute();
    }
    await appendAudit(trx, deps.auditKey, deps.actor, {
      action: 'post.create', orgPath: org.path, targetType: 'post', targetId: post.id, targetLabel: `${org.name} ${role.code}`,
      detail: { userId: input.userId, scope, customOrgIds: input.customOrgIds ?? [] },
    });
    return post;
  });
}

/** 重置密码 by an administrator or the command line: the user must change it at next login, and every session ends. */
export async function resetPassword(deps: Deps, username: string, newPassword: string): Promise<void> {
  refuseWeakPassword(newPassword, username);
  const passwordHash = await hashPassword(newPassword);
  await deps.db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('app_user').select(['id']).where('username', '=', username).executeTakeFirst();
    if (!user) throw new AppError('NOT_FOUND');
    await trx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, password_changed_at: new Date().toISOString(), must_change_password: 1, failed_attempts: 0, locked_until: null, first_failed_at: null })
      .where('id', '=', user.id)
      .execute();
    await trx.deleteFrom('session').where('user_id', '=', user.id).execute();
    await appendAudit(trx, deps.auditKey, deps.actor, { action: 'user.reset_password', targetType: 'user', targetId: user.id, targetLabel: username });
  });
}

export { refuseWeakPassword };
