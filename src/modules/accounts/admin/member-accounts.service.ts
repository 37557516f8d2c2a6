import crypto from 'node:crypto';
import { appendAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { ServiceContext } from '../../../platform/service-context.ts';
import { requireMemberInScope } from '../../members/member.repository.ts';
import { unusablePasswordHash } from './account-admin.service.ts';
import { issueGrant, type IssuedGrant } from './credential-grants.ts';

/** What the branch secretary hands the member: the account name and the one-time activation. */
export type MemberAccountGrant = { userId: number; username: string; created: boolean; grant: IssuedGrant };

/** A username nobody chose: 'ty' and eight random digits, so it reveals nothing about the member. */
function generatedUsername(): string {
  return `ty${crypto.randomInt(10_000_000, 100_000_000)}`;
}

/**
 * 为团员开通账号: a member in the post's scope gets an account with the 团员 role at their branch,
 * waiting for activation; the secretary receives the activation link and code once. For an account
 * that was opened but never activated, a new activation replaces the old one.
 */
export async function openMemberAccount(ctx: ServiceContext, memberId: number): Promise<MemberAccountGrant> {
  const member = await requireMemberInScope(ctx.db, ctx.scope, memberId);
  if (member.status !== 'normal') {
    throw new AppError('ACCOUNT_REFUSED', { message: { zh: '只能为团籍正常的团员开通账号', en: 'Only members in good standing can have an account' } });
  }
  const passwordHash = await unusablePasswordHash();
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('app_user').select(['id', 'username', 'status']).where('member_id', '=', member.id).executeTakeFirst();
    if (existing && existing.status !== 'pending') {
      throw new AppError('ACCOUNT_REFUSED', {
        message: existing.status === 'disabled'
          ? { zh: `该团员的账号 ${existing.username} 已停用，请联系系统管理员`, en: `The member's account ${existing.username} is disabled; contact the system administrator` }
          : { zh: `该团员已开通账号 ${existing.username}；忘记密码请联系系统管理员生成重置链接`, en: `The member already has the account ${existing.username}; for a forgotten password the system administrator issues a reset link` },
      });
    }
    const now = new Date();
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
  });
}
