import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import { appendAudit, type Actor } from '../../platform/audit/audit-log.ts';
import type { AppUserRow, Database, SessionRow } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { rule } from '../../platform/rules/rules.ts';
import { raiseAlert } from '../../platform/alerts/security-alerts.ts';
import { accountDuties } from './account-duties.ts';
import { buildAuthState, type AuthState, type Deps, type PostInfo } from './session.service.ts';
import { tokenDigest } from './token-digest.ts';

const minutes = (n: number) => n * 60_000;

/**
 * Open a session for an account that has proved who it is: a fresh token (never the one of an
 * earlier session, ASVS 7.2.4), the failure count cleared, and a cadre's password that is past
 * its age marked for a change before anything else (GB/T 22239 8.1.4.1 a) 定期更换).
 * `inTransaction` runs first in the same transaction (the second factor records its time step there).
 */
export async function openSession(
  deps: Deps,
  user: AppUserRow,
  posts: PostInfo[],
  actor: Actor,
  now: Date,
  options: { detail?: Record<string, unknown>; inTransaction?: (trx: Transaction<Database>) => Promise<void> } = {},
): Promise<{ token: string; auth: AuthState }> {
  const duties = accountDuties(posts);
  const passwordExpired = duties.cadre && passwordAgeDays(user, now) > rule('auth.passwordMaxAgeDays');
  const token = crypto.randomBytes(32).toString('base64url');
  const post = posts.find((p) => p.usable) ?? null;
  const session: SessionRow = {
    id: tokenDigest(token),
    user_id: user.id,
    post_id: post?.id ?? null,
    csrf_token: crypto.randomBytes(24).toString('base64url'),
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + rule('auth.sessionAbsoluteHours') * 3_600_000).toISOString(),
    ip: actor.ip,
    administrator: duties.administrator ? 1 : 0,
  };
  const mustChange = passwordExpired ? 1 : user.must_change_password;
  await deps.db.transaction().execute(async (trx) => {
    await options.inTransaction?.(trx);
    await trx
      .updateTable('app_user')
      .set({ failed_attempts: 0, first_failed_at: null, locked_until: null, last_login_at: now.toISOString(), must_change_password: mustChange })
      .where('id', '=', user.id)
      .execute();
    await trx.insertInto('session').values(session).execute();
    await appendAudit(trx, deps.auditKey, { ...actor, postId: post?.id ?? null }, {
      action: 'auth.login', targetType: 'user', targetId: user.id, targetLabel: user.username,
      detail: { ...options.detail, ...(passwordExpired ? { passwordExpired: true } : {}) },
    });
  });
  const signedIn = await deps.db.selectFrom('app_user').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
  return { token, auth: await buildAuthState(deps.db, session, signedIn, posts) };
}

/** Whole days since the password was last set. */
export function passwordAgeDays(user: Pick<AppUserRow, 'password_changed_at'>, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(user.password_changed_at)) / 86_400_000);
}

/** Count a failed password or second factor towards the account's temporary lock. */
export async function recordFailure(
  deps: Deps,
  user: AppUserRow,
  actor: Actor,
  now: Date,
  reason: 'AUTH_INVALID_CREDENTIALS' | 'AUTH_SECOND_FACTOR_INVALID',
): Promise<AppError> {
  const windowMs = minutes(rule('auth.lockoutWindowMinutes'));
  const windowOpen = user.first_failed_at !== null && now.getTime() - Date.parse(user.first_failed_at) < windowMs;
  const failures = windowOpen ? user.failed_attempts + 1 : 1;
  const lock = failures >= rule('auth.lockoutFailures');
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({
        failed_attempts: lock ? 0 : failures,
        first_failed_at: lock ? null : windowOpen ? user.first_failed_at : now.toISOString(),
        locked_until: lock ? new Date(now.getTime() + windowMs).toISOString() : user.locked_until,
      })
      .where('id', '=', user.id)
      .execute();
    await appendAudit(trx, deps.auditKey, actor, { action: 'auth.login', result: 'denied', targetType: 'user', targetId: user.id, targetLabel: user.username, detail: { reason, failures } });
    if (lock) {
      await appendAudit(trx, deps.auditKey, actor, { action: 'auth.lockout', result: 'ok', targetType: 'user', targetId: user.id, detail: { minutes: rule('auth.lockoutWindowMinutes') } });
      // A lockout is a guessing attack on one account: the security administrators hear of it (DB-12).
      await raiseAlert(trx, deps.auditKey, actor, { kind: 'account_lockout', count: failures, limit: rule('auth.lockoutFailures'), orgPath: null, detail: { reason } }, now);
    }
  });
  return new AppError(reason);
}

