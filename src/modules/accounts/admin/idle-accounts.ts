import type { Kysely } from 'kysely';
import { appendAudit, systemActor } from '../../../platform/audit/audit-log.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { rule } from '../../../platform/rules/rules.ts';
import { revokeOpenGrants } from './credential-grants.ts';

/**
 * 闲置账号停用 (DOMAIN §12 DB-05, GB/T 22239 8.1.4.2 c): an active account with no sign-in for
 * `auth.idleDisableDays` (counted from its creation when it never signed in, and from the last time
 * an administrator enabled it again) is disabled, its
 * sessions end and each one is audited. Accounts still waiting for activation are left to their
 * activation code's own expiry. Safe to run on every node: each update re-checks the status.
 */
export async function disableIdleAccounts(db: Kysely<Database>, auditKey: Buffer, now = new Date()): Promise<{ disabled: string[] }> {
  const days = rule('auth.idleDisableDays');
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const idle = await db
    .selectFrom('app_user')
    .leftJoin('organization', 'organization.id', 'app_user.org_id')
    .select(['app_user.id', 'app_user.username', 'app_user.last_login_at', 'app_user.created_at', 'organization.path'])
    .where('app_user.status', '=', 'active')
    .where((eb) => eb.or([
      eb('app_user.last_login_at', '<', cutoff),
      eb.and([eb('app_user.last_login_at', 'is', null), eb('app_user.created_at', '<', cutoff)]),
    ]))
    // An account enabled again by an administrator gets a full period from then.
    .where((eb) => eb.or([eb('app_user.reenabled_at', 'is', null), eb('app_user.reenabled_at', '<', cutoff)]))
    .orderBy('app_user.id')
    .execute();
  const disabled: string[] = [];
  for (const user of idle) {
    await db.transaction().execute(async (trx) => {
      const changed = await trx.updateTable('app_user').set({ status: 'disabled' }).where('id', '=', user.id).where('status', '=', 'active').executeTakeFirst();
      if (Number(changed.numUpdatedRows) !== 1) return;
      const ended = await trx.deleteFrom('session').where('user_id', '=', user.id).executeTakeFirst();
      await revokeOpenGrants(trx, user.id, now);
      await appendAudit(trx, auditKey, systemActor, {
        action: 'user.disable_idle', orgPath: user.path, targetType: 'user', targetId: user.id, targetLabel: user.username,
        before: { status: 'active' }, after: { status: 'disabled' },
        detail: { idleDays: days, lastLoginAt: user.last_login_at, createdAt: user.created_at, endedSessions: Number(ended.numDeletedRows) },
      });
      disabled.push(user.username);
    });
  }
  return { disabled };
}
