import crypto from 'node:crypto';
import { sql } from 'kysely';
import { appendAudit } from '../../../platform/audit/audit-log.ts';
import { escapeLike } from '../../../platform/db/escape-like.ts';
import { AppError, type FieldError } from '../../../platform/http/app-error.ts';
import { SCOPE_KINDS, scopeContainsPath, type ScopeKind } from '../../../platform/scope/data-scope.ts';
import type { ServiceContext } from '../../../platform/service-context.ts';
import { hashPassword } from '../password-hash.ts';
import { BUILT_IN_ROLES, SEPARATED_DUTIES } from '../permissions.ts';
import { accountHomePath, accountInScope, accountOr404, manageableAccountOr404, orgInScopeOr404 } from './account-scope.ts';
import { issueGrant, revokeOpenGrants, type IssuedGrant } from './credential-grants.ts';

type Ctx = ServiceContext;

/** 账号状态: 待激活 (no password chosen yet), 正常, 停用. */
export const ACCOUNT_STATUSES = ['pending', 'active', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export type AccountPost = {
  id: number; orgId: number; orgName: string; roleCode: string; roleName: string; scope: string; status: string; createdAt: string;
};

/** One row of 账号管理. */
export type AccountSummary = {
  id: number; username: string; displayName: string; status: string; orgId: number | null; orgName: string | null;
  lastLoginAt: string | null; createdAt: string; isMember: boolean; secondFactor: boolean; sessions: number; posts: AccountPost[];
};

const USERNAME = /^[A-Za-z0-9_.-]{3,40}$/;
const field = (name: string, code: string, zh: string, en: string): FieldError => ({ field: name, code, message: { zh, en } });

/** A password hash nobody knows: the account cannot sign in until its holder sets one through a grant. */
export async function unusablePasswordHash(): Promise<string> {
  return hashPassword(crypto.randomBytes(32).toString('base64url'));
}

/** 账号列表, within the post's scope, with each account's posts. */
export async function listAccounts(
  ctx: Ctx,
  query: { q?: string; status?: AccountStatus; orgId?: number; page: number; pageSize: number },
): Promise<{ items: AccountSummary[]; total: number; page: number; pageSize: number }> {
  let base = ctx.db.selectFrom('app_user').where(accountInScope(ctx.scope));
  const q = query.q?.trim();
  if (q) {
    base = base.where((eb) => eb.or([
      sql<boolean>`lower(app_user.username) like ${`%${escapeLike(q.toLowerCase())}%`} escape '\\'`,
      sql<boolean>`app_user.display_name like ${`%${escapeLike(q)}%`} escape '\\'`,
    ]));
  }
  if (query.status) base = base.where('app_user.status', '=', query.status);
  if (query.orgId !== undefined) {
    const org = await orgInScopeOr404(ctx.db, ctx.scope, query.orgId);
    // Accounts of the organization and below, by home or by a post held there.
    base = base.where((eb) => eb.or([
      eb.exists(eb.selectFrom('organization as o').select('o.id').whereRef('o.id', '=', 'app_user.org_id').where('o.path', 'like', `${org.path}%`)),
      eb.exists(eb.selectFrom('post as p').innerJoin('organization as po', 'po.id', 'p.org_id').select('p.id').whereRef('p.user_id', '=', 'app_user.id').where('po.path', 'like', `${org.path}%`)),
    ]));
  }
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const users = await base
    .leftJoin('organization as home', 'home.id', 'app_user.org_id')
    .select([
      'app_user.id', 'app_user.username', 'app_user.display_name', 'app_user.status', 'app_user.org_id', 'home.name as org_name',
      'app_user.last_login_at', 'app_user.created_at', 'app_user.member_id', 'app_user.totp_secret_enc',
    ])
    .orderBy('app_user.username')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const ids = users.map((u) => u.id);
  const posts = ids.length === 0 ? [] : await ctx.db
    .selectFrom('post')
    .innerJoin('organization', 'organization.id', 'post.org_id')
    .innerJoin('role', 'role.id', 'post.role_id')
    .select(['post.id', 'post.user_id', 'post.org_id', 'organization.name as org_name', 'role.code', 'role.name_zh', 'post.scope', 'post.status', 'post.created_at'])
    .where('post.user_id', 'in', ids)
    .orderBy('post.id')
    .execute();
  const sessions = ids.length === 0 ? [] : await ctx.db
    .selectFrom('session')
    .select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('user_id', 'in', ids)
    .where('expires_at', '>', new Date().toISOString())
    .groupBy('user_id')
    .execute();
  return {
    items: users.map((u) => ({
      id: u.id, username: u.username, displayName: u.display_name, status: u.status, orgId: u.org_id, orgName: u.org_name,
      lastLoginAt: u.last_login_at, createdAt: u.created_at, isMember: u.member_id !== null, secondFactor: u.totp_secret_enc !== null,
      sessions: Number(sessions.find((s) => s.user_id === u.id)?.n ?? 0),
      posts: posts.filter((p) => p.user_id === u.id).map((p) => ({
        id: p.id, orgId: p.org_id, orgName: p.org_name, roleCode: p.code, roleName: p.name_zh, scope: p.scope, status: p.status, createdAt: p.created_at,
      })),
    })),
    total, page: query.page, pageSize: query.pageSize,
  };
}

/**
 * 新建账号: no password is chosen by anyone but the account's holder. The account waits for
 * activation, and the administrator is given a one-time activation link and code (DOMAIN §12 AS-09).
 */
export async function createAccount(ctx: Ctx, input: { username: string; displayName: string; orgId: number }): Promise<{ id: number; grant: IssuedGrant }> {
  const errors: FieldError[] = [];
  if (!USERNAME.test(input.username)) errors.push(field('username', 'pattern', '用户名为3至40位字母、数字、下划线、点或连字符', '3–40 letters, digits, _ . or -'));
  if (input.displayName.trim().length === 0) errors.push(field('displayName', 'required', '请填写姓名', 'enter the name'));
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { fields: errors });
  const org = await orgInScopeOr404(ctx.db, ctx.scope, input.orgId);
  if (org.status !== 'active') throw new AppError('ORG_INACTIVE');
  const passwordHash = await unusablePasswordHash();
  return ctx.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('app_user').select('id').where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase())).executeTakeFirst();
    if (taken) throw new AppError('CONFLICT', { fields: [field('username', 'duplicate', '用户名已被使用，请换一个', 'username already taken; choose another')] });
    const now = new Date();
    const user = await trx
      .insertInto('app_user')
      .values({
        username: input.username, display_name: input.displayName.trim(), password_hash: passwordHash, password_changed_at: now.toISOString(),
        must_change_password: 0, failed_attempts: 0, status: 'pending', created_at: now.toISOString(), org_id: org.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const grant = await issueGrant(trx, { userId: user.id, kind: 'activation', createdBy: ctx.actor.userId }, now);
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'user.create', orgPath: org.path, targetType: 'user', targetId: user.id, targetLabel: input.username, detail: { activationExpiresAt: grant.expiresAt },
    });
    return { id: user.id, grant };
  });
}

/**
 * 停用/启用. Disabling ends every session of the account at once and voids its open activation or
 * reset secrets (DOMAIN §12 AS-05). Nobody disables their own account.
 */
export async function setAccountStatus(ctx: Ctx, userId: number, input: { status: 'active' | 'disabled'; reason: string }): Promise<void> {
  const user = await manageableAccountOr404(ctx.db, ctx.scope, userId);
  if (user.id === ctx.actor.userId) throw new AppError('ACCOUNT_REFUSED', { message: { zh: '不能停用或启用自己的账号，请由另一位管理员办理', en: 'You cannot disable or enable your own account; ask another administrator' } });
  if (input.status === 'disabled' && user.status === 'disabled') throw new AppError('ACCOUNT_REFUSED', { message: { zh: '该账号已停用', en: 'The account is already disabled' } });
  if (input.status === 'active' && user.status !== 'disabled') throw new AppError('ACCOUNT_REFUSED', { message: { zh: '只有已停用的账号可以启用', en: 'Only a disabled account can be enabled' } });
  await ctx.db.transaction().execute(async (trx) => {
    // Re-enabled accounts that never chose a password go back to waiting for activation.
    const next = input.status === 'disabled' ? 'disabled' : (await everActivated(trx, user.id)) ? 'active' : 'pending';
    await trx.updateTable('app_user').set(next === 'disabled' ? { status: next } : { status: next, reenabled_at: new Date().toISOString() }).where('id', '=', user.id).execute();
    let endedSessions = 0;
    if (next === 'disabled') {
      endedSessions = Number((await trx.deleteFrom('session').where('user_id', '=', user.id).executeTakeFirst()).numDeletedRows);
      await revokeOpenGrants(trx, user.id);
    }
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: next === 'disabled' ? 'user.disable' : 'user.enable', orgPath: await accountHomePath(trx, user.org_id), targetType: 'user', targetId: user.id,
      targetLabel: user.username, before: { status: user.status }, after: { status: next }, detail: { reason: input.reason, endedSessions },
    });
  });
}

/** Whether the account ever set its own password (an activation used, or it signed in). */
async function everActivated(trx: Ctx['db'], userId: number): Promise<boolean> {
  const user = await trx.selectFrom('app_user').select('last_login_at').where('id', '=', userId).executeTakeFirstOrThrow();
  if (user.last_login_at !== null) return true;
  const used = await trx.selectFrom('credential_grant').select('id').where('user_id', '=', userId).where('used_at', 'is not', null).executeTakeFirst();
  return used !== undefined;
}

/**
 * 生成重置链接: a one-time link and code for the holder to choose a new password; an account that
 * never activated gets a new activation instead. The old password keeps working until the link is
 * used, so nobody can lock a user out by asking for links.
 */
export async function issueCredentialLink(ctx: Ctx, userId: number): Promise<IssuedGrant> {
  const user = await manageableAccountOr404(ctx.db, ctx.scope, userId);
  if (user.id === ctx.actor.userId) throw new AppError('ACCOUNT_REFUSED', { message: { zh: '请通过“修改密码”更改自己的密码', en: 'Change your own password under “Change password”' } });
  if (user.status === 'disabled') throw new AppError('ACCOUNT_REFUSED', { message: { zh: '账号已停用，请先启用再生成链接', en: 'The account is disabled; enable it first' } });
  return ctx.db.transaction().execute(async (trx) => {
    const grant = await issueGrant(trx, { userId: user.id, kind: user.status === 'pending' ? 'activation' : 'reset', createdBy: ctx.actor.userId });
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: grant.kind === 'activation' ? 'user.activation_link' : 'user.reset_link', orgPath: await accountHomePath(trx, user.org_id), targetType: 'user',
      targetId: user.id, targetLabel: user.username, detail: { expiresAt: grant.expiresAt },
    });
    return grant;
  });
}

/** The 三员 duties a role's permissions fall under. */
function dutiesOf(roleCode: string): Set<string> {
  const role = BUILT_IN_ROLES.find((r) => r.code === roleCode);
  const duties = new Set<string>();
  for (const [duty, permissions] of Object.entries(SEPARATED_DUTIES)) {
    if (role?.permissions.some((p) => permissions.includes(p))) duties.add(duty);
  }
  return duties;
}

/**
 * 任职: give an account a role in an organization with a data scope. The organization (and every
 * organization of a custom scope) must be in the granting post's scope, the scope no wider than
 * its own, nobody grants themselves a post, and no person may come to hold two 三员 duties.
 */
export async function grantPost(
  ctx: Ctx,
  userId: number,
  input: { orgId: number; roleCode: string; scope?: ScopeKind; customOrgIds?: number[] },
): Promise<{ id: number }> {
  const user = await accountOr404(ctx.db, ctx.scope, userId);
  if (user.id === ctx.actor.userId) throw new AppError('ACCOUNT_REFUSED', { message: { zh: '不能为自己任职，请由另一位安全管理员办理', en: 'You cannot grant yourself a post; ask another security administrator' } });
  if (user.status === 'disabled') throw new AppError('ACCOUNT_REFUSED', { message: { zh: '账号已停用，请先启用', en: 'The account is disabled; enable it first' } });
  const org = await orgInScopeOr404(ctx.db, ctx.scope, input.orgId);
  if (org.status !== 'active') throw new AppError('ORG_INACTIVE');
  const role = await ctx.db.selectFrom('role').select(['id', 'code', 'name_zh']).where('code', '=', input.roleCode).executeTakeFirst();
  if (!role) throw new AppError('VALIDATION_FAILED', { fields: [field('roleCode', 'unknown', '角色不存在', 'unknown role')] });
  const scope = input.scope ?? BUILT_IN_ROLES.find((r) => r.code === role.code)?.defaultScope ?? 'self_org';
  const errors: FieldError[] = [];
  if (!mayGrantRole(ctx, role.code)) errors.push(field('roleCode', 'province_only', '该角色只能由省级安全管理员任命', 'only a province-wide security administrator grants this role'));
  if (!SCOPE_KINDS.includes(scope)) errors.push(field('scope', 'unknown', '数据范围不存在', 'unknown data scope'));
  if (scope === 'all' && ctx.scope.kind !== 'all') errors.push(field('scope', 'too_wide', '数据范围不能超过您自己的范围，请选“本级及下级”', 'the scope cannot be wider than your own; choose own and below'));
  if (scope === 'custom' && (input.customOrgIds ?? []).length === 0) errors.push(field('customOrgIds', 'required', '自定义范围请至少选择一个组织', 'choose at least one organization for a custom scope'));
  if (scope === 'self' && role.code !== 'member') errors.push(field('scope', 'self_only_member', '“仅本人”只用于团员角色', '“own records only” is for the member role'));
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { fields: errors });
  const customOrgs: { id: number; path: string }[] = [];
  for (const id of scope === 'custom' ? input.customOrgIds ?? [] : []) customOrgs.push(await orgInScopeOr404(ctx.db, ctx.scope, id));

  const held = await ctx.db
    .selectFrom('post').innerJoin('role', 'role.id', 'post.role_id')
    .select(['post.org_id', 'role.code'])
    .where('post.user_id', '=', user.id).where('post.status', '=', 'active')
    .execute();
  if (held.some((p) => p.org_id === org.id && p.code === role.code)) {
    throw new AppError('ACCOUNT_REFUSED', { message: { zh: '该账号已在此组织担任此角色', en: 'The account already holds this role in this organization' } });
  }
  const wanted = dutiesOf(role.code);
  const clash = held.some((p) => [...dutiesOf(p.code)].some((d) => !wanted.has(d)) && wanted.size > 0);
  if (clash) {
    throw new AppError('ACCOUNT_REFUSED', { message: { zh: '系统管理员、安全管理员、审计管理员须由不同的人担任（三员分立），请先免去该账号的另一项管理职务', en: 'System, security and audit administration must be held by different people; revoke the other administrative post first' } });
  }

  return ctx.db.transaction().execute(async (trx) => {
    const post = await trx
      .insertInto('post')
      .values({ user_id: user.id, org_id: org.id, role_id: role.id, scope, status: 'active', created_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const custom of customOrgs) await trx.insertInto('post_scope_org').values({ post_id: post.id, org_id: custom.id }).execute();
    if (user.org_id === null) await trx.updateTable('app_user').set({ org_id: org.id }).where('id', '=', user.id).execute();
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'post.create', orgPath: org.path, targetType: 'post', targetId: post.id, targetLabel: `${user.username} · ${org.name} · ${role.name_zh}`,
      detail: { userId: user.id, role: role.code, scope, customOrgIds: customOrgs.map((o) => o.id) },
    });
    return post;
  });
}

/**
 * 免职: the post ends, and so does every session of its holder (DOMAIN §12 DB-05: when a cadre's
 * term ends, role revocation kills their sessions); they sign in again with what they still hold.
 */
export async function revokePost(ctx: Ctx, postId: number, input: { reason: string }): Promise<void> {
  const post = await ctx.db
    .selectFrom('post')
    .innerJoin('organization', 'organization.id', 'post.org_id')
    .innerJoin('role', 'role.id', 'post.role_id')
    .innerJoin('app_user', 'app_user.id', 'post.user_id')
    .select(['post.id', 'post.user_id', 'post.status', 'organization.id as org_id', 'organization.path', 'organization.name', 'role.name_zh', 'app_user.username'])
    .where('post.id', '=', postId)
    .executeTakeFirst();
  if (!post || !scopeContainsPath(ctx.scope, post.path, post.org_id)) throw new AppError('NOT_FOUND');
  await accountOr404(ctx.db, ctx.scope, post.user_id);
  if (post.user_id === ctx.actor.userId) throw new AppError('ACCOUNT_REFUSED', { message: { zh: '不能为自己免职，请由另一位安全管理员办理', en: 'You cannot revoke your own post; ask another security administrator' } });
  if (post.status !== 'active') throw new AppError('ACCOUNT_REFUSED', { message: { zh: '该任职已结束', en: 'The post has already ended' } });
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('post').set({ status: 'ended' }).where('id', '=', post.id).execute();
    const ended = await trx.deleteFrom('session').where('user_id', '=', post.user_id).executeTakeFirst();
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'post.revoke', orgPath: post.path, targetType: 'post', targetId: post.id, targetLabel: `${post.username} · ${post.name} · ${post.name_zh}`,
      detail: { userId: post.user_id, reason: input.reason, endedSessions: Number(ended.numDeletedRows) },
    });
  });
}

/** 结束会话: sign the account out everywhere (DOMAIN §12 AS-05: admins can kill sessions). */
export async function endSessions(ctx: Ctx, userId: number, input: { reason: string }): Promise<{ ended: number }> {
  const user = await manageableAccountOr404(ctx.db, ctx.scope, userId);
  return ctx.db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('session').where('user_id', '=', user.id).executeTakeFirst();
    const ended = Number(result.numDeletedRows);
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'user.end_sessions', orgPath: await accountHomePath(trx, user.org_id), targetType: 'user', targetId: user.id, targetLabel: user.username,
      detail: { reason: input.reason, ended },
    });
    return { ended };
  });
}

/**
 * Roles made for the whole province (the provincial administrator and the 三员) are granted only
 * by a post that itself sees the whole province; a city's security administrator grants the rest.
 */
function mayGrantRole(ctx: Ctx, roleCode: string): boolean {
  return ctx.scope.kind === 'all' || BUILT_IN_ROLES.find((r) => r.code === roleCode)?.defaultScope !== 'all';
}

/** The roles a post may grant, for the 任职 form. */
export async function grantableRoles(ctx: Ctx): Promise<{ code: string; name: string; nameEn: string; defaultScope: ScopeKind }[]> {
  const rows = (await ctx.db.selectFrom('role').select(['code', 'name_zh', 'name_en']).orderBy('id').execute()).filter((r) => mayGrantRole(ctx, r.code));
  return rows.map((r) => ({ code: r.code, name: r.name_zh, nameEn: r.name_en, defaultScope: BUILT_IN_ROLES.find((b) => b.code === r.code)?.defaultScope ?? 'self_org' }));
}
