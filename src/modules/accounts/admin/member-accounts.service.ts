import crypto from 'node:crypto';
import { appendAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { ServiceContext } from '../../../platform/service-context.ts';
import { requireMemberInScope, scopedMemberTable } from '../../members/member.repository.ts';
import { orgInScopeOr404 } from './account-scope.ts';
import { unusablePasswordHash } from './account-admin.service.ts';
import { issueGrant, type IssuedGrant } from './credential-grants.ts';

/** What the branch secretary hands the member: the account name and the one-time activation. */
export type MemberAccountGrant = { userId: number; username: string; created: boolean; grant: IssuedGrant };

/** A username nobody chose: 'ty' and eight random digits, so it reveals nothing about the member. */
function generatedUsername(): string {
  return `ty${crypto.randomInt(10_000_000, 100_000_000)}`;
}

type MemberForAccount = { id: number; name: string; status: string; org_id: number; org_path: string };
type Trx = ServiceContext['db'];

/**
 * One member's account inside the caller's transaction: a new one with the 团员 role at the branch,
 * or, for one opened but never activated, a new activation that voids the old code. An activated
 * or disabled account is refused with what to do instead.
 */
async function accountForMember(ctx: ServiceContext, trx: Trx, member: MemberForAccount, passwordHash: string, now: Date): Promise<MemberAccountGrant> {
  const existing = await trx.selectFrom('app_user').select(['id', 'username', 'status']).where('member_id', '=', member.id).executeTakeFirst();
  if (existing && existing.status !== 'pending') {
    throw new AppError('ACCOUNT_REFUSED', {
      message: existing.status === 'disabled'
        ? { zh: `该团员的账号 ${existing.username} 已停用，请联系系统管理员`, en: `The member's account ${existing.username} is disabled; contact the system administrator` }
        : { zh: `该团员已开通账号 ${existing.username}；忘记密码请联系系统管理员生成重置链接`, en: `The member already has the account ${existing.username}; for a forgotten password the system administrator issues a reset link` },
    });
  }
  let userId = existing?.id;
  let username = existing?.username;
  if (!userId || !username) {
    username = generatedUsername();
    while (await trx.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst()) username = generatedUsername();
    const user = await trx
      .insertInto('app_user')
      .values({
        username, display_name: member.name, password_hash: passwordHash, password_changed_at: now.toISOString(), must_change_password: 0,
        failed_attempts: 0, status: 'pending', created_at: now.toISOString(), member_id: member.id, org_id: member.org_id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    userId = user.id;
    const role = await trx.selectFrom('role').select('id').where('code', '=', 'member').executeTakeFirstOrThrow();
    await trx.insertInto('post').values({ user_id: userId, org_id: member.org_id, role_id: role.id, scope: 'self', status: 'active', created_at: now.toISOString() }).execute();
  }
  const grant = await issueGrant(trx, { userId, kind: 'activation', createdBy: ctx.actor.userId }, now);
  await appendAudit(trx, ctx.auditKey, ctx.actor, {
    action: existing ? 'user.activation_link' : 'user.create_for_member', orgPath: member.org_path, targetType: 'user', targetId: userId,
    targetLabel: username, detail: { memberId: member.id, expiresAt: grant.expiresAt },
  });
  return { userId, username, created: !existing, grant };
}

/**
 * 为团员开通账号: a member in the post's scope gets an account with the 团员 role at their branch,
 * waiting for activation; the secretary receives the activation link and code once.
 */
export async function openMemberAccount(ctx: ServiceContext, memberId: number): Promise<MemberAccountGrant> {
  const member = await requireMemberInScope(ctx.db, ctx.scope, memberId);
  if (member.status !== 'normal') {
    throw new AppError('ACCOUNT_REFUSED', { message: { zh: '只能为团籍正常的团员开通账号', en: 'Only members in good standing can have an account' } });
  }
  const passwordHash = await unusablePasswordHash();
  return ctx.db.transaction().execute((trx) => accountForMember(ctx, trx, member, passwordHash, new Date()));
}

/** One line of a branch's activation sheet. */
export type BranchActivation = MemberAccountGrant & { memberName: string };

/**
 * 批量生成激活码 for a branch (DOMAIN §12 AS-09: bulk creation gives activation codes, not
 * passwords): every member in good standing of the branch without an activated account gets a new
 * account or a fresh code, in one transaction. Members already signed up are left alone.
 */
export async function openBranchAccounts(ctx: ServiceContext, orgId: number): Promise<{ branch: string; items: BranchActivation[] }> {
  const org = await orgInScopeOr404(ctx.db, ctx.scope, orgId);
  const members = await scopedMemberTable(ctx.db, ctx.scope)
    .leftJoin('app_user', 'app_user.member_id', 'member.id')
    .select(['member.id', 'member.name', 'member.status', 'member.org_id', 'member.org_path'])
    .where('member.org_id', '=', org.id)
    .where('member.status', '=', 'normal')
    .where((eb) => eb.or([eb('app_user.id', 'is', null), eb('app_user.status', '=', 'pending')]))
    .orderBy('member.name')
    .orderBy('member.id')
    .execute();
  // One hash nobody knows serves the whole batch: computing one per member would cost seconds.
  const passwordHash = await unusablePasswordHash();
  const now = new Date();
  const items = await ctx.db.transaction().execute(async (trx) => {
    const made: BranchActivation[] = [];
    for (const member of members) made.push({ ...(await accountForMember(ctx, trx, member, passwordHash, now)), memberName: member.name });
    return made;
  });
  return { branch: org.name, items };
}
