import type { Kysely } from 'kysely';
import { appendAudit, type Actor } from '../../../platform/audit/audit-log.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { hashPassword } from '../password-hash.ts';
import { passwordProblems } from '../password-policy.ts';
import { passwordContextOf } from '../password-personal-context.ts';
import type { FieldCipher } from '../../../platform/pii/field-cipher.ts';
import { lookupOf, revokeOpenGrants, type GrantKind } from './credential-grants.ts';

type Deps = { db: Kysely<Database>; auditKey: Buffer; cipher: FieldCipher };

/** What the holder of a secret may learn before choosing a password: whose account, and until when. */
export type GrantInfo = { kind: GrantKind; username: string; displayName: string; expiresAt: string };

/**
 * The open grant behind a secret. Unknown secrets are 400; used, revoked or expired ones are 410,
 * so the user knows to ask for a new one rather than retype.
 */
async function openGrant(db: Kysely<Database>, secret: string, now: Date) {
  const lookup = lookupOf(secret);
  if (!lookup) throw new AppError('CREDENTIAL_INVALID');
  const grant = await db
    .selectFrom('credential_grant')
    .innerJoin('app_user', 'app_user.id', 'credential_grant.user_id')
    .select([
      'credential_grant.id', 'credential_grant.kind', 'credential_grant.user_id', 'credential_grant.expires_at', 'credential_grant.used_at',
      'credential_grant.revoked_at', 'app_user.username', 'app_user.display_name', 'app_user.status',
    ])
    .where(`credential_grant.${lookup.column}`, '=', lookup.hash)
    .executeTakeFirst();
  if (!grant) throw new AppError('CREDENTIAL_INVALID');
  if (grant.used_at !== null || grant.revoked_at !== null || grant.expires_at <= now.toISOString() || grant.status === 'disabled') {
    throw new AppError('CREDENTIAL_EXPIRED');
  }
  return grant;
}

export async function inspectGrant(deps: Deps, secret: string, now = new Date()): Promise<GrantInfo> {
  const grant = await openGrant(deps.db, secret, now);
  return { kind: grant.kind as GrantKind, username: grant.username, displayName: grant.display_name, expiresAt: grant.expires_at };
}

/**
 * 激活/重置: the holder of the secret sets their own password under the password policy. The grant
 * is used up, the account becomes active and every session of the user ends; the administrator who
 * issued the secret never sees or chooses the password (DOMAIN §12 AS-09).
 */
export async function redeemGrant(deps: Deps, input: { secret: string; newPassword: string; actor: Omit<Actor, 'userId' | 'username'> }, now = new Date()): Promise<GrantInfo> {
  let grant: Awaited<ReturnType<typeof openGrant>>;
  try {
    grant = await openGrant(deps.db, input.secret, now);
  } catch (error) {
    // Refused attempts are recorded too (DOMAIN §12 DB-09), never with the secret that was tried.
    if (error instanceof AppError) {
      await deps.db.transaction().execute((trx) => appendAudit(trx, deps.auditKey, { ...input.actor, userId: null, username: 'anonymous' }, {
        action: 'user.activate', result: 'denied', targetType: 'user', detail: { reason: error.code },
      }));
    }
    throw error;
  }
  // A member's own account may not take a password made of their ID number or birth date (DB-01).
  const problems = passwordProblems(input.newPassword, await passwordContextOf(deps.db, deps.cipher, grant.user_id));
  if (problems.length > 0) {
    throw new AppError('PASSWORD_POLICY', { fields: problems.map((message) => ({ field: 'newPassword', code: 'password_policy', message })) });
  }
  const hash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (trx) => {
    // Used exactly once even when two requests race: only the first update finds the grant open.
    const used = await trx
      .updateTable('credential_grant')
      .set({ used_at: now.toISOString() })
      .where('id', '=', grant.id)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new AppError('CREDENTIAL_EXPIRED');
    await trx
      .updateTable('app_user')
      .set({
        password_hash: hash, password_changed_at: now.toISOString(), must_change_password: 0, status: 'active',
        failed_attempts: 0, first_failed_at: null, locked_until: null,
      })
      .where('id', '=', grant.user_id)
      .execute();
    await revokeOpenGrants(trx, grant.user_id, now);
    await trx.deleteFrom('session').where('user_id', '=', grant.user_id).execute();
    await appendAudit(trx, deps.auditKey, { ...input.actor, userId: grant.user_id, username: grant.username }, {
      action: grant.kind === 'activation' ? 'user.activate' : 'user.reset_password', targetType: 'user', targetId: grant.user_id,
      targetLabel: grant.username, detail: { grantId: grant.id },
    });
  });
  return { kind: grant.kind as GrantKind, username: grant.username, displayName: grant.display_name, expiresAt: grant.expires_at };
}
