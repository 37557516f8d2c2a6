import type { Kysely } from 'kysely';
import { appendAudit, systemActor } from '../../../platform/audit/audit-log.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { issueGrant, type IssuedGrant } from './credential-grants.ts';

/**
 * `tuanwu user link`: the operator's way to a one-time link when no system administrator can sign
 * in (the break-glass path). Same grant and audit as the web's; a disabled account is refused.
 */
export async function issueLinkFromCommandLine(db: Kysely<Database>, auditKey: Buffer, username: string): Promise<IssuedGrant> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('app_user').select(['id', 'status']).where('username', '=', username).executeTakeFirst();
    if (!user) throw new AppError('NOT_FOUND');
    if (user.status === 'disabled') throw new AppError('ACCOUNT_REFUSED', { message: { zh: '账号已停用，请先启用', en: 'The account is disabled; enable it first' } });
    const grant = await issueGrant(trx, { userId: user.id, kind: user.status === 'pending' ? 'activation' : 'reset', createdBy: null });
    await appendAudit(trx, auditKey, systemActor, {
      action: grant.kind === 'activation' ? 'user.activation_link' : 'user.reset_link', targetType: 'user', targetId: user.id, targetLabel: username,
      detail: { expiresAt: grant.expiresAt, via: 'command line' },
    });
    return grant;
  });
}
