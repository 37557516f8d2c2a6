import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { rule } from '../../../platform/rules/rules.ts';
import { tokenDigest } from '../token-digest.ts';

/** 激活 (a new account sets its first password) or 重置 (an administrator-initiated reset). */
export type GrantKind = 'activation' | 'reset';

/** The one-time secret as shown once to the administrator: a link token and the same grant as a short code. */
export type IssuedGrant = { kind: GrantKind; token: string; code: string; expiresAt: string };

// 32 symbols without I, O, 0 and 1, so a code read out over the phone is not misheard.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 16; // 80 bits
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;


function randomCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A code as printed: four groups of four. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

/** The digest to look a secret up by: a 43-character link token, or a short code typed with any spacing or case. */
export function lookupOf(secret: string): { column: 'token_hash' | 'code_hash'; hash: string } | null {
  const trimmed = secret.trim();
  if (TOKEN_PATTERN.test(trimmed)) return { column: 'token_hash', hash: tokenDigest(trimmed) };
  const code = trimmed.replace(/[\s-]/g, '').toUpperCase();
  if (code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c))) return { column: 'code_hash', hash: tokenDigest(code) };
  return null;
}

/** How long a grant of this kind lives (rules auth.activationDays and auth.resetLinkHours). */
export function lifetimeMs(kind: GrantKind): number {
  return kind === 'activation' ? rule('auth.activationDays') * 86_400_000 : rule('auth.resetLinkHours') * 3_600_000;
}

/**
 * Issue a grant inside the caller's transaction: every older open grant of the user is revoked,
 * so only the newest secret works. The secrets are returned once and only their digests stored.
 */
export async function issueGrant(
  trx: Kysely<Database>,
  input: { userId: number; kind: GrantKind; createdBy: number | null },
  now = new Date(),
): Promise<IssuedGrant> {
  await revokeOpenGrants(trx, input.userId, now);
  const token = crypto.randomBytes(32).toString('base64url');
  const code = randomCode();
  const expiresAt = new Date(now.getTime() + lifetimeMs(input.kind)).toISOString();
  await trx
    .insertInto('credential_grant')
    .values({
      user_id: input.userId, kind: input.kind, token_hash: tokenDigest(token), code_hash: tokenDigest(code),
      created_at: now.toISOString(), created_by: input.createdBy, expires_at: expiresAt, used_at: null, revoked_at: null,
    })
    .execute();
  return { kind: input.kind, token, code: formatCode(code), expiresAt };
}

/** Revoke the user's grants that are neither used nor revoked (a newer grant, or the account disabled). */
export async function revokeOpenGrants(trx: Kysely<Database>, userId: number, now = new Date()): Promise<void> {
  await trx
    .updateTable('credential_grant')
    .set({ revoked_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}
