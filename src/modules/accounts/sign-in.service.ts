import type { Actor } from '../../platform/audit/audit-log.ts';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { FieldCipher } from '../../platform/pii/field-cipher.ts';
import { accountDuties } from './account-duties.ts';
import { openSession, recordFailure } from './open-session.ts';
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from './password-hash.ts';
import { startSecondFactor } from './second-factor.service.ts';
import { loadPosts, type AuthState, type Deps } from './session.service.ts';

/** Signing in also needs the field cipher (the second factor's seed) and whether that factor is required. */
export type LoginDeps = Deps & { cipher: FieldCipher; secondFactor: 'required' | 'off' };

/** Where a correct password leads: straight to a session, or to the second factor first. */
export type LoginOutcome =
  | { kind: 'session'; token: string; auth: AuthState }
  | { kind: 'second_factor'; purpose: 'verify' | 'enroll'; challenge: string; expiresAt: string };

/**
 * 登录. Wrong passwords count towards a lock that expires by itself (no permanent lock of a
 * victim's account); every attempt is audited whatever its outcome. Administrators and
 * provincial and city cadres go on to the second factor before any session exists (DB-04).
 */
export async function login(
  deps: LoginDeps,
  input: { username: string; password: string; ip: string | null; requestId: string | null },
  now = new Date(),
): Promise<LoginOutcome> {
  const { db, auditKey } = deps;
  const user = await db.selectFrom('app_user').selectAll().where('username', '=', input.username).executeTakeFirst();
  const actor: Actor = { userId: user?.id ?? null, username: input.username.slice(0, 64), postId: null, postLabel: null, ip: input.ip, requestId: input.requestId };
  const fail = async (code: 'AUTH_INVALID_CREDENTIALS' | 'AUTH_LOCKED' | 'AUTH_ACCOUNT_DISABLED', extra: Record<string, unknown> = {}) => {
    await db.transaction().execute((trx) => appendAudit(trx, auditKey, actor, { action: 'auth.login', result: 'denied', targetType: 'user', targetId: user?.id, targetLabel: actor.username, detail: { reason: code } }));
    return new AppError(code, { extra });
  };

  if (!user) {
    await verifyPassword(input.password, DUMMY_HASH);
    throw await fail('AUTH_INVALID_CREDENTIALS');
  }
  if (user.locked_until && user.locked_until > now.toISOString()) {
    throw await fail('AUTH_LOCKED', { retryAfterSeconds: Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 1000) });
  }
  if (!(await verifyPassword(input.password, user.password_hash))) {
    throw await recordFailure(deps, user, actor, now, 'AUTH_INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') throw await fail('AUTH_ACCOUNT_DISABLED');
  if (needsRehash(user.password_hash)) {
    // The profile changed (e.g. to 国密): the verifier is re-derived now that the password is at hand.
    await db.updateTable('app_user').set({ password_hash: await hashPassword(input.password) }).where('id', '=', user.id).execute();
  }

  const posts = await loadPosts(db, user.id);
  if (deps.secondFactor === 'required' && accountDuties(posts).secondFactor) {
    return { kind: 'second_factor', ...(await startSecondFactor(deps, user, actor, now)) };
  }
  return { kind: 'session', ...(await openSession(deps, user, posts, actor, now)) };
}

