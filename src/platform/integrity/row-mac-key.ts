import crypto from 'node:crypto';
import type { FieldKeySet } from '../pii/crypto-profile.ts';

/** The MAC algorithm of a ledger row: the profile's own (A.0 item 3: HMAC-SM3 under 国密). */
export type RowMacAlgorithm = 'HMAC-SHA-256' | 'HMAC-SM3';

/**
 * The key that seals ledger rows (DOMAIN §12 DB-13, MP-03), one per field key set and named by
 * its id, so that a rotation (rotate-field-keys.ts) brings a new MAC key with the new key set and
 * rows sealed before it still verify under the old one until they are sealed again.
 */
export type RowMacKey = {
  readonly keyId: string;
  readonly algorithm: RowMacAlgorithm;
  /** The raw MAC of `message`. */
  mac(message: string): Buffer;
};

/**
 * The row MAC key of a key set: a dedicated key derived with HKDF (RFC 5869, over the profile's
 * hash: SHA-256 or SM3) from the key set's secrets, with its own label, so it is independent of
 * the field encryption, ciphertext MAC and blind-index keys while the key file keeps one set of
 * secrets per key id (nothing new to back up, and every copy of the key file has it).
 */
export function rowMacKeyOf(keys: FieldKeySet): RowMacKey {
  const hash = keys.profile === 'sm' ? 'sm3' : 'sha256';
  const secret = Buffer.concat([keys.encryptionKey, keys.macKey ?? Buffer.alloc(0)]);
  const key = Buffer.from(crypto.hkdfSync(hash, secret, Buffer.alloc(0), `tuanwu/ledger-row-mac/${keys.id}`, 32));
  return {
    keyId: keys.id,
    algorithm: keys.profile === 'sm' ? 'HMAC-SM3' : 'HMAC-SHA-256',
    mac: (message) => crypto.createHmac(hash, key).update(message, 'utf8').digest(),
  };
}
