import crypto from 'node:crypto';
import { appendAudit, type Actor } from '../../platform/audit/audit-log.ts';
import type { AppUserRow } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { FieldCipher } from '../../platform/pii/field-cipher.ts';
import { rule } from '../../platform/rules/rules.ts';
import { openSession, recordFailure } from './open-session.ts';
import { loadPosts, type AuthState, type Deps } from './session.service.ts';
import { matchTotp, newTotpSecret, totpUri } from './totp.ts';
import { tokenDigest } from './token-digest.ts';

type SecondFactorDeps = Deps & { cipher: FieldCipher };


/**
 * 动态验证码 after a correct password: a challenge the browser holds for a few minutes. An account
 * without a seed yet enrols on this first sign-in ('enroll'); any earlier challenge of the account
 * is dropped so only one is open at a time.
 */
export async function startSecondFactor(
  deps: SecondFactorDeps,
  user: AppUserRow,
  actor: Actor,
  now: Date,
): Promise<{ purpose: 'verify' | 'enroll'; challenge: string; expiresAt: string }> {
  const purpose = user.totp_secret_enc ? 'verify' : 'enroll';
  const challenge = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + rule('auth.secondFactorChallengeMinutes') * 60_000).toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('login_challenge').where('user_id', '=', user.id).execute();
    await trx
      .insertInto('login_challenge')
      .values({ id: tokenDigest(challenge), user_id: user.id, purpose, pending_secret_enc: null, attempts: 0, created_at: now.toISOString(), expires_at: expiresAt, ip: actor.ip })
      .execute();
    await appendAudit(trx, deps.auditKey, actor, { action: 'auth.second_factor.challenge', targetType: 'user', targetId: user.id, targetLabel: user.username, detail: { purpose } });
  });
  return { purpose, challenge, expiresAt };
}

async function openChallenge(deps: SecondFactorDeps, challenge: string, now: Date) {
  const row = await deps.db.selectFrom('login_challenge').selectAll().where('id', '=', tokenDigest(challenge)).executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) {
    if (row) await deps.db.deleteFrom('login_challenge').where('id', '=', row.id).execute();
    throw new AppError('AUTH_CHALLENGE_EXPIRED');
  }
  const user = await deps.db.selectFrom('app_user').selectAll().where('id', '=', row.user_id).executeTakeFirstOrThrow();
  return { row, user };
}

/**
 * 绑定验证器: the seed offered to an account that has none, as an otpauth:// address for the QR
 * code and as text for typing in. Asking again during the same challenge shows the same seed.
 */
export async function enrollmentSeed(deps: SecondFactorDeps, challenge: string, now = new Date()): Promise<{ secret: string; uri: string; username: string }> {
  const { row, user } = await openChallenge(deps, challenge, now);
  if (row.purpose !== 'enroll') throw new AppError('AUTH_CHALLENGE_EXPIRED');
  let secret = row.pending_secret_enc ? deps.cipher.decrypt(row.pending_secret_enc) : null;
  if (!secret) {
    secret = newTotpSecret();
    await deps.db.updateTable('login_challenge').set({ pending_secret_enc: deps.cipher.encrypt(secret) }).where('id', '=', row.id).execute();
  }
  return { secret, uri: totpUri(secret, user.username), username: user.username };
}

/**
 * Check the code and open the session. A code is accepted once (its time step is recorded in the
 * session's own transaction, and only if later than the last one); wrong codes count towards the
 * account's lock and end the challenge after a few tries (ASVS 5.0 §6.5.1, §6.5.5).
 */
export async function verifySecondFactor(
  deps: SecondFactorDeps,
  input: { challenge: string; code: string; ip: string | null; requestId: string | null },
  now = new Date(),
): Promise<{ token: string; auth: AuthState }> {
  const { row, user } = await openChallenge(deps, input.challenge, now);
  const actor: Actor = { userId: user.id, username: user.username, postId: null, postLabel: null, ip: input.ip, requestId: input.requestId };
  if (user.locked_until && user.locked_until > now.toISOString()) {
    throw new AppError('AUTH_LOCKED', { extra: { retryAfterSeconds: Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 1000) } });
  }
  if (user.status !== 'active') throw new AppError('AUTH_ACCOUNT_DISABLED');
  const stored = row.purpose === 'enroll' ? row.pending_secret_enc : user.totp_secret_enc;
  if (!stored) throw new AppError('AUTH_CHALLENGE_EXPIRED');
  const step = matchTotp(deps.cipher.decrypt(stored), input.code.trim(), now, user.totp_last_step);
  if (step === null) {
    const attempts = row.attempts + 1;
    if (attempts >= rule('auth.secondFactorAttempts')) await deps.db.deleteFrom('login_challenge').where('id', '=', row.id).execute();
    else await deps.db.updateTable('login_challenge').set({ attempts }).where('id', '=', row.id).execute();
    throw await recordFailure(deps, user, actor, now, 'AUTH_SECOND_FACTOR_INVALID');
  }
  const posts = await loadPosts(deps.db, user.id);
  return openSession(deps, user, posts, actor, now, {
    detail: { secondFactor: 'totp', ...(row.purpose === 'enroll' ? { enrolled: true } : {}) },
    inTransaction: async (trx) => {
      // Two requests racing with the same code: only the one that moves the step forward wins.
      const moved = await trx
        .updateTable('app_user')
        .set({
          totp_last_step: step,
          ...(row.purpose === 'enroll' ? { totp_secret_enc: stored, totp_enrolled_at: now.toISOString() } : {}),
        })
        .where('id', '=', user.id)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) throw new AppError('AUTH_SECOND_FACTOR_INVALID');
      const deleted = await trx.deleteFrom('login_challenge').where('id', '=', row.id).executeTakeFirst();
      if (Number(deleted.numDeletedRows) !== 1) throw new AppError('AUTH_CHALLENGE_EXPIRED');
      if (row.purpose === 'enroll') {
        await appendAudit(trx, deps.auditKey, actor, { action: 'auth.second_factor.enroll', targetType: 'user', targetId: user.id, targetLabel: user.username });
      }
    },
  });
}
