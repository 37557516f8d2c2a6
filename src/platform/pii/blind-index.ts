import crypto from 'node:crypto';

/**
 * Keyed blind index (HMAC-SHA-256) of a personal-data value: equal values give equal indexes, so
 * exact lookup and duplicate detection work on encrypted columns without the plaintext, and
 * without the key nobody can test guesses against the index.
 */
export class BlindIndex {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('BlindIndex needs a 32-byte key');
    this.#key = key;
  }

  /** `purpose` separates the index spaces, so an ID number and a phone never share an index value. */
  of(purpose: 'resident_id' | 'phone', normalizedValue: string): string {
    return crypto.createHmac('sha256', this.#key).update(`${purpose}\u0000${normalizedValue}`).digest('base64url');
  }
}
