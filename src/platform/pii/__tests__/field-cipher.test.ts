import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BlindIndex } from '../blind-index.ts';
import { fieldCryptoFor, type FieldKeySet } from '../crypto-profile.ts';
import { FieldCipher } from '../field-cipher.ts';
import { randomKeyRing } from '../keys.ts';
import { fieldCryptoOf } from '../open-field-crypto.ts';

const keySet = (id: string, profile: 'international' | 'sm'): FieldKeySet => ({
  id, profile, createdAt: null,
  encryptionKey: crypto.randomBytes(profile === 'sm' ? 16 : 32),
  macKey: profile === 'sm' ? crypto.randomBytes(32) : null,
  indexKey: crypto.randomBytes(32),
});

/** Change one character of the part at `index` of a stored value, keeping it valid base64url. */
function flipPart(stored: string, index: number): string {
  const parts = stored.split('.');
  const part = parts[index]!;
  parts[index] = (part[0] === 'A' ? 'B' : 'A') + part.slice(1);
  return parts.join('.');
}

const PLAINTEXTS = ['51010720040315123X', '13812345678', '四川省成都市武侯区', ''];

describe.each([
  { name: 'international, original key set (v1)', keys: keySet('k1', 'international'), prefix: 'v1.', parts: 4 },
  { name: 'international, later key set (v2)', keys: keySet('k3', 'international'), prefix: 'v2.k3.', parts: 5 },
  { name: 'sm (SM4-CTR + HMAC-SM3)', keys: keySet('k2', 'sm'), prefix: 'sm1.k2.', parts: 5 },
])('field encryption: $name', ({ keys, prefix, parts }) => {
  const suite = fieldCryptoFor(keys);
  const cipher = new FieldCipher(suite);

  it('should round-trip values, with a fresh IV each time, tagged with version and key set', () => {
    for (const plain of PLAINTEXTS) {
      const a = cipher.encrypt(plain);
      const b = cipher.encrypt(plain);
      expect(a.startsWith(prefix)).toBe(true);
      expect(a.split('.')).toHaveLength(parts);
      expect(a).not.toBe(b);
      expect(cipher.decrypt(a)).toBe(plain);
      if (plain) expect(a.includes(plain)).toBe(false);
    }
  });

  it('should refuse a value with any part altered', () => {
    const stored = cipher.encrypt('51010720040315123X');
    const firstDataPart = prefix.split('.').length - 1;
    for (let i = firstDataPart; i < parts; i++) expect(() => cipher.decrypt(flipPart(stored, i)), `part ${i}`).toThrow();
    expect(() => cipher.decrypt(stored.slice(0, -2))).toThrow();
    expect(() => cipher.decrypt(`${stored}.AAAA`)).toThrow();
  });

  it('should refuse a value under another key of the same kind', () => {
    const other = new FieldCipher(fieldCryptoFor({ ...keySet(keys.id, keys.profile) }));
    expect(() => other.decrypt(cipher.encrypt('13812345678'))).toThrow();
  });
});

describe(FieldCipher.name, () => {
  it('should keep the original layout for `new FieldCipher(key)`, readable by the code that wrote it before', () => {
    const key = crypto.randomBytes(32);
    const stored = new FieldCipher(key).encrypt('13812345678');
    const [version, nonce, tag, body] = stored.split('.');
    expect(version).toBe('v1');
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(nonce!, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag!, 'base64url'));
    expect(Buffer.concat([decipher.update(Buffer.from(body!, 'base64url')), decipher.final()]).toString('utf8')).toBe('13812345678');
  });

  it('should read values of every key set it holds and write only under the current one', () => {
    const ring = randomKeyRing('international');
    const before = fieldCryptoOf(ring).cipher.encrypt('51010720040315123X');
    const smRing = { ...ring, currentFieldKeySet: 'k2' };
    const { cipher } = fieldCryptoOf(smRing);
    expect(cipher.encrypt('x').startsWith('sm1.k2.')).toBe(true);
    expect(cipher.decrypt(before)).toBe('51010720040315123X');
  });

  it('should refuse a value whose key set it does not hold, or whose tag does not match its key set', () => {
    const { cipher } = fieldCryptoOf(randomKeyRing('international'));
    const foreign = new FieldCipher(fieldCryptoFor(keySet('k9', 'sm'))).encrypt('x');
    expect(() => cipher.decrypt(foreign)).toThrow(/unknown/);
    const relabelled = cipher.encrypt('x').replace(/^v1\./, 'sm1.k1.');
    expect(() => cipher.decrypt(relabelled)).toThrow();
    expect(() => cipher.decrypt('plain text')).toThrow();
  });

  it('should bind a v2 value to its key set label', () => {
    const a = keySet('k3', 'international');
    const b = { ...a, id: 'k4' };
    const stored = fieldCryptoFor(a).encrypt('13812345678');
    // Same key under another label: the authenticated header differs, so decryption fails.
    expect(() => fieldCryptoFor(b).decrypt(stored.replace('v2.k3.', 'v2.k4.'))).toThrow();
  });
});

describe(BlindIndex.name, () => {
  it('should stay what it was for `new BlindIndex(key)`: HMAC-SHA-256 of purpose and value', () => {
    const key = crypto.randomBytes(32);
    const expected = crypto.createHmac('sha256', key).update('resident_id\u000051010720040315123X').digest('base64url');
    expect(new BlindIndex(key).of('resident_id', '51010720040315123X')).toBe(expected);
  });

  it('should be deterministic per key set, separate purposes, and change with the profile', () => {
    const ring = randomKeyRing('international');
    const international = fieldCryptoOf(ring).blindIndex;
    const sm = fieldCryptoOf({ ...ring, currentFieldKeySet: 'k2' }).blindIndex;
    expect(international.algorithm).toBe('HMAC-SHA-256');
    expect(sm.algorithm).toBe('HMAC-SM3');
    expect(international.of('phone', '13812345678')).toBe(international.of('phone', '13812345678'));
    expect(international.of('phone', '13812345678')).not.toBe(international.of('resident_id', '13812345678'));
    expect(sm.of('phone', '13812345678')).not.toBe(international.of('phone', '13812345678'));
    expect(sm.of('phone', '13812345678')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('国密 primitives in Node\'s OpenSSL', () => {
  it('should compute SM4 as GB/T 32907 gives it (its example as the first CTR keystream block)', () => {
    // GB/T 32907-2016 Appendix A: key = plaintext = 0123456789abcdeffedcba9876543210.
    const block = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const cipher = crypto.createCipheriv('sm4-ctr', block, block);
    expect(Buffer.concat([cipher.update(Buffer.alloc(16)), cipher.final()]).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('should compute SM3 as GB/T 32905 gives it, and HMAC-SM3 as RFC 2104 builds it', () => {
    expect(crypto.createHash('sm3').update('abc').digest('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    const key = crypto.randomBytes(32);
    const pad = (byte: number) => Buffer.concat([key, Buffer.alloc(32)]).map((b) => b ^ byte);
    const inner = crypto.createHash('sm3').update(pad(0x36)).update('message').digest();
    const outer = crypto.createHash('sm3').update(pad(0x5c)).update(inner).digest('hex');
    expect(crypto.createHmac('sm3', key).update('message').digest('hex')).toBe(outer);
  });
});
