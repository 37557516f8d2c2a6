import crypto from 'node:crypto';
import { promisify } from 'node:util';
import type { CryptoProfileName } from '../../platform/pii/crypto-profile.ts';

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;
const pbkdf2 = promisify(crypto.pbkdf2);

// scrypt N=2^15, r=8, p=1: the OWASP password-storage minimum, ~32 MiB and tens of ms per hash.
const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
// PBKDF2 with HMAC-SM3 (GB/T 32905): the iteration count OWASP's Password Storage Cheat Sheet
// gives for PBKDF2-HMAC-SHA-256 (600,000); SM3 costs about twice SHA-256 per block here.
const SM3_ITERATIONS = 600_000;
const KEY_LENGTH = 32;

/** How new password verifiers are derived: scrypt, or PBKDF2-HMAC-SM3 under the 国密 profile (密评, DOMAIN §12 MP-01). */
export type PasswordKdf = 'scrypt' | 'pbkdf2-sm3';
let currentKdf: PasswordKdf = 'scrypt';

/** Set at start-up from TUANWU_CRYPTO_PROFILE; verifiers of either kind always verify. */
export function usePasswordKdfOf(profile: CryptoProfileName): void {
  currentKdf = profile === 'sm' ? 'pbkdf2-sm3' : 'scrypt';
}

/** Stored forms: 'scrypt$N$r$p$salt$hash' and 'pbkdf2-sm3$iterations$salt$hash' (base64url), so parameters can rise later. */
export async function hashPassword(password: string, kdf: PasswordKdf = currentKdf): Promise<string> {
  const salt = crypto.randomBytes(16);
  if (kdf === 'pbkdf2-sm3') {
    const hash = await pbkdf2(password.normalize('NFKC'), salt, SM3_ITERATIONS, KEY_LENGTH, 'sm3');
    return ['pbkdf2-sm3', SM3_ITERATIONS, salt.toString('base64url'), hash.toString('base64url')].join('$');
  }
  const hash = await scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts[0] === 'pbkdf2-sm3') {
    const [, iterations, salt, hash] = parts;
    if (!iterations || !salt || !hash) return false;
    const expected = Buffer.from(hash, 'base64url');
    const actual = await pbkdf2(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), Number(iterations), expected.length, 'sm3');
    return crypto.timingSafeEqual(actual, expected);
  }
  const [scheme, n, r, p, salt, hash] = parts;
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem,
  });
  return crypto.timingSafeEqual(actual, expected);
}

/** A verifier of another kind than the configured one: re-derived at the next correct sign-in. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(`${currentKdf}$`);
}

/** A hash that never verifies, spent on unknown usernames so timing does not reveal which exist. */
export const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
