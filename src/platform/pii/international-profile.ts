import crypto from 'node:crypto';
import { rowMacKeyOf } from '../integrity/row-mac-key.ts';
import type { BlindIndexPurpose, FieldCrypto, FieldKeySet } from './crypto-profile.ts';

/** The original key set writes the original layout, so installations that never rotate see no change. */
const ORIGINAL_KEY_SET = 'k1';

/**
 * International profile: AES-256-GCM with a random 96-bit nonce per value, HMAC-SHA-256 blind indexes.
 * Stored forms, base64url parts joined by '.':
 * - 'v1.<nonce>.<tag>.<ciphertext>' under the original key set k1;
 * - 'v2.<keySetId>.<nonce>.<tag>.<ciphertext>' under a later one, whose 'v2.<keySetId>' header is
 *   authenticated as associated data so that a value cannot be relabelled to another key set.
 */
export function internationalCrypto(keys: FieldKeySet): FieldCrypto {
  if (keys.encryptionKey.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key');
  if (keys.indexKey.length !== 32) throw new Error('HMAC-SHA-256 blind indexes need a 32-byte key');
  const original = keys.id === ORIGINAL_KEY_SET;
  const versionTag = original ? 'v1' : 'v2';
  const header = original ? 'v1' : `v2.${keys.id}`;
  const aad = original ? null : Buffer.from(header, 'utf8');
  return {
    profile: 'international',
    keySetId: keys.id,
    versionTag,
    prefix: `${header}.`,
    rowMac: rowMacKeyOf(keys),
    algorithms: { field: 'AES-256-GCM', blindIndex: 'HMAC-SHA-256' },
    encrypt(plain) {
      const nonce = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', keys.encryptionKey, nonce);
      if (aad) cipher.setAAD(aad);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [header, nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    decrypt(stored) {
      if (!stored.startsWith(`${header}.`)) throw new Error(`not a value of key set ${keys.id}`);
      const [nonce, tag, body, extra] = stored.slice(header.length + 1).split('.');
      if (!nonce || !tag || body === undefined || extra !== undefined) throw new Error('unknown field ciphertext format');
      const decipher = crypto.createDecipheriv('aes-256-gcm', keys.encryptionKey, Buffer.from(nonce, 'base64url'));
      if (aad) decipher.setAAD(aad);
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    blindIndex(purpose: BlindIndexPurpose, normalizedValue: string) {
      return crypto.createHmac('sha256', keys.indexKey).update(`${purpose}\u0000${normalizedValue}`).digest('base64url');
    },
  };
}
