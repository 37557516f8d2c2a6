import crypto from 'node:crypto';
import { storedTagOf, type FieldCrypto } from './crypto-profile.ts';
import { internationalCrypto } from './international-profile.ts';

/**
 * Encrypts personal-data fields with the current key set of the configured profile, and decrypts
 * a value of any key set it was given, so that a database part-way through a key rotation or a
 * profile change (see rotate-field-keys.ts) reads as one. Every stored value begins with its
 * version tag and key set ('v1.', 'v2.k3.', 'sm1.k2.'): see international-profile.ts, sm-profile.ts.
 */
export class FieldCipher {
  readonly #writer: FieldCrypto;
  readonly #readers = new Map<string, FieldCrypto>();

  /**
   * `new FieldCipher(key)`: AES-256-GCM under one key, the original 'v1' layout (tests, benchmarks).
   * Otherwise the key set that writes and every key set that may be read (open-field-crypto.ts).
   */
  constructor(writer: Buffer | FieldCrypto, readers: readonly FieldCrypto[] = []) {
    // A cipher never computes blind indexes, so a throwaway index key completes the key set.
    this.#writer = Buffer.isBuffer(writer)
      ? internationalCrypto({ id: 'k1', profile: 'international', encryptionKey: writer, macKey: null, indexKey: crypto.randomBytes(32), createdAt: null })
      : writer;
    for (const reader of [this.#writer, ...readers]) this.#readers.set(reader.keySetId, reader);
  }

  /** The key set new values are written under. */
  get writer(): FieldCrypto {
    return this.#writer;
  }

  /** Every key set this cipher reads, the writer first (ledger MACs are verified under any of them). */
  get readers(): FieldCrypto[] {
    return [...this.#readers.values()];
  }

  encrypt(plain: string): string {
    return this.#writer.encrypt(plain);
  }

  decrypt(stored: string): string {
    const tag = storedTagOf(stored);
    const reader = tag ? this.#readers.get(tag.keySetId) : undefined;
    if (!tag || !reader || reader.versionTag !== tag.versionTag) throw new Error('unknown field ciphertext format or key set');
    return reader.decrypt(stored);
  }
}
