import crypto from 'node:crypto';
import type { BlindIndexPurpose, FieldCrypto } from './crypto-profile.ts';
import { internationalCrypto } from './international-profile.ts';

/**
 * Keyed blind index (HMAC-SHA-256 or HMAC-SM3, by profile) of a personal-data value: equal values
 * give equal indexes, so exact lookup and duplicate detection work on encrypted columns without
 * the plaintext, and without the key nobody can test guesses against the index. The index belongs
 * to the current key set only: a rotation recomputes every stored index (rotate-field-keys.ts).
 */
export class BlindIndex {
  readonly #crypto: FieldCrypto;

  /** `new BlindIndex(key)`: HMAC-SHA-256 under one key (tests, benchmarks); else the current key set. */
  constructor(keyOrCrypto: Buffer | FieldCrypto) {
    // An index never encrypts, so a throwaway field key completes the key set.
    this.#crypto = Buffer.isBuffer(keyOrCrypto)
      ? internationalCrypto({ id: 'k1', profile: 'international', encryptionKey: crypto.randomBytes(32), macKey: null, indexKey: keyOrCrypto, createdAt: null })
      : keyOrCrypto;
  }

  get algorithm(): string {
    return this.#crypto.algorithms.blindIndex;
  }

  /** `purpose` separates the index spaces, so an ID number and a phone never share an index value. */
  of(purpose: BlindIndexPurpose, normalizedValue: string): string {
    return this.#crypto.blindIndex(purpose, normalizedValue);
  }
}
