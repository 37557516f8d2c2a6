import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.ts';
import { openRuntime } from '../../runtime.ts';

describe('crypto profile configuration (MP-02)', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('should default to international and refuse an unknown profile', () => {
    expect(loadConfig({}).cryptoProfile).toBe('international');
    expect(() => loadConfig({ TUANWU_CRYPTO_PROFILE: 'sm2' })).toThrow(/TUANWU_CRYPTO_PROFILE/);
  });

  it('should resolve TUANWU_CRYPTO_PROFILE=sm to SM4 and HMAC-SM3 for a new installation', async () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'tuanwu-profile-'));
    dir = data;
    const runtime = openRuntime(loadConfig({ TUANWU_DATA_DIR: data, TUANWU_CRYPTO_PROFILE: 'sm' }));
    try {
      expect(runtime.cipher.writer.algorithms).toEqual({ field: 'SM4-CTR + HMAC-SM3', blindIndex: 'HMAC-SM3' });
      expect(runtime.blindIndex.algorithm).toBe('HMAC-SM3');
      expect(runtime.cipher.encrypt('13812345678')).toMatch(/^sm1\.k2\./);
    } finally {
      await runtime.db.destroy();
    }
    // The same installation started as international is refused: its data is under SM keys.
    expect(() => openRuntime(loadConfig({ TUANWU_DATA_DIR: data }))).toThrow(/crypto rotate --profile international/);
  });
});

describe('algorithms reachable from the code (MP-04)', () => {
  it('should use no MD5, SHA-1 or retired cipher anywhere in the server code', () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.includes('__tests__'));
    const weak = /create(Hash|Hmac)\(\s*['"](md5|md4|sha1|ripemd160)['"]|createCipheriv\(\s*['"](des|rc4|rc2|bf|aes-\d+-ecb)/i;
    expect(files.filter((f) => weak.test(fs.readFileSync(path.join(root, f), 'utf8')))).toEqual([]);
  });
});
