import crypto from 'node:crypto';
import { rowMacKeyOf } from '../integrity/row-mac-key.ts';
import type { BlindIndexPurpose, FieldCrypto, FieldKeySet } from './crypto-profile.ts';

const VERSION = 'sm1';

/**
 * 国密 profile (GB/T 32907 SM4, GB/T 32905 SM3): SM4-CTR with a random 128-bit IV, then HMAC-SM3
 * over everything before it (encrypt-then-MAC), HMAC-SM3 blind indexes. Node's OpenSSL 3.0 has
 * SM4-CTR but not SM4-GCM, hence the separate MAC under its own key.
 * Stored form, base64url parts joined by '.': 'sm1.<keySetId>.<iv>.<ciphertext>.<mac>', the MAC
 * covering 'sm1.<keySetId>.<iv>.<ciphertext>' (version, key set, IV and ciphertext).
 */
export function smCrypto(keys: FieldKeySet): FieldCrypto {
  if (keys.encryptionKey.length !== 16) throw new Error('SM4 needs a 16-byte key');
  if (!keys.macKey || keys.macKey.length !== 32) throw new Error('HMAC-SM3 over SM4 ciphertexts needs a 32-byte key');
  if (keys.indexKey.length !== 32) throw new Error('HMAC-SM3 blind indexes need a 32-byte key');
  const macKey = keys.macKey;
  const header = `${VERSION}.${keys.id}`;
  const mac = (authenticated: string) => crypto.createHmac('sm3', macKey).update(authenticated, 'utf8').digest();
  return {
    profile: 'sm',
    keySetId: keys.id,
    versionTag: VERSION,
    prefix: `${header}.`,
    rowMac: rowMacKeyOf(keys),
    algorithms: { field: 'SM4-CTR + HMAC-SM3', blindIndex: 'HMAC-SM3' },
    encrypt(plain) {
      const iv = crypto.randomBytes(16);
      const cipher = crypto.createCipheriv('sm4-ctr', keys.encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const authenticated = [header, iv.toString('base64url'), body.toString('base64url')].join('.');
      return `${authenticated}.${mac(authenticated).toString('base64url')}`;
    },
    decrypt(stored) {
      if (!stored.startsWith(`${header}.`)) throw new Error(`not a value of key set ${keys.id}`);
      const cut = stored.lastIndexOf('.');
      const authenticated = stored.slice(0, cut);
      const [iv, body, extra] = authenticated.slice(header.length + 1).split('.');
      if (!iv || body === undefined || extra !== undefined) throw new Error('unknown field ciphertext format');
      const expected = mac(authenticated);
      const given = Buffer.from(stored.slice(cut + 1), 'base64url');
      // Checked before decrypting, in constant time: an altered value is refused, never deciphered.
      if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw new Error('field ciphertext failed authentication');
      const decipher = crypto.createDecipheriv('sm4-ctr', keys.encryptionKey, Buffer.from(iv, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    blindIndex(purpose: BlindIndexPurpose, normalizedValue: string) {
      return crypto.createHmac('sm3', keys.indexKey).update(`${purpose}\u0000${normalizedValue}`).digest('base64url');
    },
  };
}
