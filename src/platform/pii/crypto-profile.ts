import type { RowMacKey } from '../integrity/row-mac-key.ts';
import { internationalCrypto } from './international-profile.ts';
import { smCrypto } from './sm-profile.ts';

/**
 * The two cryptography profiles for personal-data fields (DESIGN.md "Personal data", DOMAIN §12
 * DB-14, MP-02, A.0 item 3): international (AES-256-GCM, HMAC-SHA-256) and 国密 (SM4-CTR with
 * HMAC-SM3, encrypt-then-MAC; Node's OpenSSL 3.0 has no SM4-GCM). TUANWU_CRYPTO_PROFILE chooses.
 */
export const CRYPTO_PROFILES = ['international', 'sm'] as const;
export type CryptoProfileName = (typeof CRYPTO_PROFILES)[number];

export function isCryptoProfileName(value: string): value is CryptoProfileName {
  return (CRYPTO_PROFILES as readonly string[]).includes(value);
}

/** What a blind index is of: separate index spaces, so an ID number and a phone never share a value. */
export type BlindIndexPurpose = 'resident_id' | 'phone';

/**
 * The keys of one profile, under an id that every ciphertext made with them carries, so that
 * values written before a rotation still find their key. Key sets are never changed once made.
 */
export type FieldKeySet = {
  /** 'k1' is the key file's original fieldKey/indexKey pair; later sets count on (k2, k3, …). */
  id: string;
  profile: CryptoProfileName;
  /** AES-256 (32 bytes) or SM4 (16 bytes). */
  encryptionKey: Buffer;
  /** HMAC-SM3 key over SM4 ciphertexts; null for AES-GCM, whose tag authenticates. */
  macKey: Buffer | null;
  /** Key of the blind indexes (HMAC-SHA-256 or HMAC-SM3). */
  indexKey: Buffer;
  /** When the set was made (null for the original pair, which predates the record). */
  createdAt: string | null;
};

/** One profile bound to one key set: the small interface every field encryption goes through. */
export type FieldCrypto = {
  readonly profile: CryptoProfileName;
  readonly keySetId: string;
  /** Version tag of the stored form ('v1', 'v2', 'sm1'): which algorithm and layout a value has. */
  readonly versionTag: string;
  /** How every value this key set writes begins ('v1.', 'sm1.k2.'): enough to tell whose it is. */
  readonly prefix: string;
  readonly algorithms: { field: string; blindIndex: string };
  encrypt(plain: string): string;
  /** Throws when the value is not this key set's or was altered. */
  decrypt(stored: string): string;
  blindIndex(purpose: BlindIndexPurpose, normalizedValue: string): string;
  /** The key set's key for the MACs of ledger rows (integrity/row-mac-key.ts). */
  readonly rowMac: RowMacKey;
};

/** What the key-set id and version tag of a stored value are, read from its prefix. */
export function storedTagOf(stored: string): { versionTag: string; keySetId: string } | null {
  const [versionTag, second] = stored.split('.', 2);
  if (!versionTag || second === undefined) return null;
  // 'v1' predates key ids: it is always the original key set.
  if (versionTag === 'v1') return { versionTag, keySetId: 'k1' };
  return { versionTag, keySetId: second };
}

/** The profile implementation of a key set. */
export function fieldCryptoFor(keys: FieldKeySet): FieldCrypto {
  return keys.profile === 'sm' ? smCrypto(keys) : internationalCrypto(keys);
}
