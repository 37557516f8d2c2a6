import crypto from 'node:crypto';

/**
 * SHA-256 (hex) of a secret handed to a browser or a person — session token, sign-in challenge,
 * activation link or code: only the digest is stored, so a copy of the database opens nothing.
 */
export function tokenDigest(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}
