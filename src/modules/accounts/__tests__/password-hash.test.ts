import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, usePasswordKdfOf, verifyPassword } from '../password-hash.ts';
import { createTestApp } from '../../../../test/helpers/test-app.ts';

/** Password verifiers: scrypt, or PBKDF2-HMAC-SM3 under the 国密 profile (DOMAIN §12 MP-01, MP-02). */
describe('password verifiers', () => {
  afterEach(() => usePasswordKdfOf('international'));

  it('derives new verifiers with PBKDF2-HMAC-SM3 under the 国密 profile, as an independent computation gives', async () => {
    usePasswordKdfOf('sm');
    const stored = await hashPassword('Qing#Nian2026');
    const [scheme, iterations, salt, hash] = stored.split('$');
    expect(scheme).toBe('pbkdf2-sm3');
    expect(Number(iterations)).toBeGreaterThanOrEqual(600_000);
    const expected = crypto.pbkdf2Sync('Qing#Nian2026', Buffer.from(salt!, 'base64url'), Number(iterations), 32, 'sm3').toString('base64url');
    expect(hash).toBe(expected);
    expect(await verifyPassword('Qing#Nian2026', stored)).toBe(true);
    expect(await verifyPassword('Qing#Nian2027', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('keeps verifying scrypt verifiers after a change to 国密, and marks them for re-derivation', async () => {
    const old = await hashPassword('Qing#Nian2026');
    expect(old.startsWith('scrypt$')).toBe(true);
    usePasswordKdfOf('sm');
    expect(await verifyPassword('Qing#Nian2026', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
  });

  it('re-derives a verifier of the other kind at the next correct sign-in', async () => {
    const t = await createTestApp();
    try {
      const stored = async () => (await t.db.selectFrom('app_user').select('password_hash').where('username', '=', 'zhishu_demo').executeTakeFirstOrThrow()).password_hash;
      expect((await stored()).startsWith('scrypt$')).toBe(true);
      usePasswordKdfOf('sm');
      await t.login('zhishu_demo');
      expect((await stored()).startsWith('pbkdf2-sm3$')).toBe(true);
      await t.login('zhishu_demo');
    } finally {
      await t.close();
    }
  });
});
