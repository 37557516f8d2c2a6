import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withKeyFileLock } from '../key-file-lock.ts';
import { beginRotation, finishRotation, loadOrCreateKeyRing } from '../keys.ts';
import { openFieldCrypto } from '../open-field-crypto.ts';

describe('key file', () => {
  let dir: string;
  let file: string;
  const read = () => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown> & { fieldKeySets: { id: string; profile: string; encryptionKey: string; macKey?: string; indexKey: string }[] };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuanwu-keys-'));
    file = path.join(dir, 'keys.json');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('should create a private file whose data key set follows the profile', () => {
    const ring = loadOrCreateKeyRing(dir, file, 'sm');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(ring.currentFieldKeySet).toBe('k2');
    expect(ring.fieldKeySets.map((k) => [k.id, k.profile])).toEqual([['k1', 'international'], ['k2', 'sm']]);
    const sm = ring.fieldKeySets[1]!;
    expect([sm.encryptionKey.length, sm.macKey?.length, sm.indexKey.length]).toEqual([16, 32, 32]);
    // SM4, the MAC and the index each have their own key.
    expect(new Set([sm.encryptionKey, sm.macKey!, sm.indexKey].map((k) => k.toString('hex'))).size).toBe(3);
    expect(loadOrCreateKeyRing(dir, file, 'international').currentFieldKeySet).toBe('k2');
  });

  it('should add the 国密 keys to a file from before them, leaving every existing key as it was', () => {
    const old = { version: 1, fieldKey: key(32), auditKey: key(32), indexKey: key(32) };
    fs.writeFileSync(file, JSON.stringify(old), { mode: 0o600 });
    const ring = loadOrCreateKeyRing(dir, file);
    const now = read();
    expect([now.fieldKey, now.auditKey, now.indexKey]).toEqual([old.fieldKey, old.auditKey, old.indexKey]);
    expect(now.currentFieldKeySet).toBe('k1');
    expect(now.fieldKeySets.map((k) => [k.id, k.profile])).toEqual([['k2', 'sm']]);
    expect(ring.fieldKey.toString('base64')).toBe(old.fieldKey);
    // A second start finds nothing missing and writes nothing.
    const text = fs.readFileSync(file, 'utf8');
    loadOrCreateKeyRing(dir, file);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  it('should still add the blind-index key to a file from before blind indexes', () => {
    const old = { version: 1, fieldKey: key(32), auditKey: key(32) };
    fs.writeFileSync(file, JSON.stringify(old), { mode: 0o600 });
    loadOrCreateKeyRing(dir, file);
    const now = read();
    expect([now.fieldKey, now.auditKey]).toEqual([old.fieldKey, old.auditKey]);
    expect(Buffer.from(now.indexKey as string, 'base64')).toHaveLength(32);
  });

  it('should refuse a key of the wrong length', () => {
    fs.writeFileSync(file, JSON.stringify({ version: 1, fieldKey: key(16), auditKey: key(32), indexKey: key(32) }));
    expect(() => loadOrCreateKeyRing(dir, file)).toThrow(/fieldKey must be 32 bytes/);
  });

  it('should append a key set for a rotation, resume an unfinished one and refuse one to the other profile', () => {
    loadOrCreateKeyRing(dir, file);
    const before = read();
    const started = beginRotation(file, 'sm');
    expect(started).toMatchObject({ resumed: false, keySet: { id: 'k3', profile: 'sm' } });
    expect(started.ring.currentFieldKeySet).toBe('k3');
    expect(started.ring.rotation).toMatchObject({ keySetId: 'k3', from: 'k1' });
    const during = read();
    // The earlier key sets are untouched: values written under them stay readable.
    expect(during.fieldKeySets.slice(0, 1)).toEqual(before.fieldKeySets);
    expect([during.fieldKey, during.indexKey]).toEqual([before.fieldKey, before.indexKey]);

    expect(beginRotation(file, 'sm')).toMatchObject({ resumed: true, keySet: { id: 'k3' } });
    expect(() => beginRotation(file, 'international')).toThrow(/unfinished rotation/);
    expect(finishRotation(file, 'k3').rotation).toBeNull();
    expect(beginRotation(file, 'international')).toMatchObject({ resumed: false, keySet: { id: 'k4', profile: 'international' } });
  });

  it('should refuse to open the data under a profile other than its key set\'s', () => {
    const ring = loadOrCreateKeyRing(dir, file, 'international');
    expect(() => openFieldCrypto(ring, 'sm')).toThrow(/crypto rotate --profile sm/);
    expect(openFieldCrypto(ring, 'international').blindIndex.algorithm).toBe('HMAC-SHA-256');
  });

  it('should wait for the lock, and take over one left by a dead process', () => {
    loadOrCreateKeyRing(dir, file);
    fs.writeFileSync(`${file}.lock`, '999999');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(`${file}.lock`, old, old);
    expect(withKeyFileLock(file, () => fs.existsSync(`${file}.lock`))).toBe(true);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });
});

function key(bytes: number): string {
  return crypto.randomBytes(bytes).toString('base64');
}
