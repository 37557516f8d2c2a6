import { appendAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import type { DataScope } from '../../platform/scope/data-scope.ts';
import { accountHomePath, manageableAccountOr404 } from './admin/account-scope.ts';

/**
 * 重置动态验证码: for an account whose phone was lost or replaced. The seed is erased, any sign-in
 * half way through is dropped and every session ends; the next sign-in sets a new authenticator
 * up after the password. Only the security administrator does it, with a reason, audited.
 */
export async function resetSecondFactor(ctx: ServiceContext & { scope: DataScope }, userId: number, input: { reason: string }): Promise<{ ended: number }> {
  const user = await manageableAccountOr404(ctx.db, ctx.scope, userId);
  if (user.totp_secret_enc === null) {
    throw new AppError('ACCOUNT_REFUSED', { message: { zh: '该账号尚未绑定身份验证器，无需重置', en: 'This account has no authenticator set up; there is nothing to reset' } });
  }
  return ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('app_user').set({ totp_secret_enc: null, totp_last_step: null, totp_enrolled_at: null }).where('id', '=', user.id).execute();
    await trx.deleteFrom('login_challenge').where('user_id', '=', user.id).execute();
    const ended = Number((await trx.deleteFrom('session').where('user_id', '=', user.id).executeTakeFirst()).numDeletedRows);
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'user.reset_second_factor', orgPath: await accountHomePath(trx, user.org_id), targetType: 'user', targetId: user.id, targetLabel: user.username,
      detail: { reason: input.reason, ended },
    });
    return { ended };
  });
}
