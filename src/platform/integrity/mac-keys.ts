import type { FieldCipher } from '../pii/field-cipher.ts';
import { fieldCryptoFor } from '../pii/crypto-profile.ts';
import type { KeyRing } from '../pii/keys.ts';
import type { RowMacKey } from './row-mac-key.ts';

/** The key new seals are made with, and every key a stored seal may name. */
export type RowMacKeys = { writer: RowMacKey; byId: ReadonlyMap<string, RowMacKey> };

/** The row MAC keys of the cipher a service writes with: its current key set seals. */
export function rowMacKeysOf(cipher: FieldCipher): RowMacKeys {
  return { writer: cipher.writer.rowMac, byId: new Map(cipher.readers.map((c) => [c.keySetId, c.rowMac])) };
}

/** The row MAC keys of the key file: every key set, the current one sealing. */
export function rowMacKeysOfRing(ring: KeyRing): RowMacKeys {
  const all = ring.fieldKeySets.map((s) => fieldCryptoFor(s).rowMac);
  return { writer: all.find((k) => k.keyId === ring.currentFieldKeySet)!, byId: new Map(all.map((k) => [k.keyId, k])) };
}
