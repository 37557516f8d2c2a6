import { BlindIndex } from './blind-index.ts';
import { fieldCryptoFor, type CryptoProfileName } from './crypto-profile.ts';
import { FieldCipher } from './field-cipher.ts';
import type { KeyRing } from './keys.ts';

/** What the services encrypt, decrypt and look up personal data with. */
export type FieldCryptoPair = { cipher: FieldCipher; blindIndex: BlindIndex };

/**
 * The cipher and blind index of an installation configured for `profile`. The data's key set
 * (the key file's current one) must be of that profile: blind indexes of another key set would
 * silently miss every lookup and duplicate check, so a changed TUANWU_CRYPTO_PROFILE waits for
 * `tuanwu crypto rotate`, which moves the data, instead of taking effect half-way.
 */
export function openFieldCrypto(ring: KeyRing, profile: CryptoProfileName): FieldCryptoPair {
  const current = ring.fieldKeySets.find((s) => s.id === ring.currentFieldKeySet)!;
  if (current.profile !== profile) {
    throw new Error(
      `TUANWU_CRYPTO_PROFILE=${profile}，但数据使用 ${current.profile} 密钥（${current.id}）：请先执行 tuanwu crypto rotate --profile ${profile} / ` +
        `TUANWU_CRYPTO_PROFILE is ${profile} but the data is under ${current.profile} key set ${current.id}: run \`tuanwu crypto rotate --profile ${profile}\` first (or set the profile back)`,
    );
  }
  return fieldCryptoOf(ring);
}

/** Writes and indexes under the key file's current key set, reads under every key set it holds. */
export function fieldCryptoOf(ring: KeyRing): FieldCryptoPair {
  const all = ring.fieldKeySets.map(fieldCryptoFor);
  const writer = all.find((c) => c.keySetId === ring.currentFieldKeySet)!;
  return { cipher: new FieldCipher(writer, all), blindIndex: new BlindIndex(writer) };
}
