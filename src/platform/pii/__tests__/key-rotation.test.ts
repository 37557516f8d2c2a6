import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit/audit-log.ts';
import { cryptoInventory } from '../crypto-inventory.ts';
import { loadOrCreateKeyRing } from '../keys.ts';
import type { FieldCryptoPair } from '../open-field-crypto.ts';
import { rotateFieldKeys } from '../rotate-field-keys.ts';
import { appWith, createKeyedDemo, plaintexts, storedValues, type KeyedDemo } from './keyed-demo.ts';

describe(rotateFieldKeys.name, () => {
  let d: KeyedDemo;
  let before: Map<string, string>;
  /** A seeded member with a phone, by its plaintext numbers. */
  let member: { id: number; idNumber: string; phone: string };
  const ring = () => loadOrCreateKeyRing('/nonexistent', d.keyFile);

  beforeAll(async () => {
    d = await createKeyedDemo('international');
    before = await plaintexts(d.db, d.open('international').cipher);
    const row = await d.db.selectFrom('member').select('id').where('phone_enc', 'is not', null).orderBy('id', 'desc').executeTakeFirstOrThrow();
    member = { id: row.id, idNumber: before.get(`member.id_number_enc#${row.id}`)!, phone: before.get(`member.phone_enc#${row.id}`)! };
  });
  afterAll(async () => d?.close());

  /** Everything is under the pair's current key set, decrypts to what was seeded, and the member is found by ID and phone. */
  async function expectReadable(pair: FieldCryptoPair) {
    const stored = await storedValues(d.db);
    expect(stored.filter((v) => !v.stored.startsWith(pair.cipher.writer.prefix)).map((v) => v.where)).toEqual([]);
    expect(await plaintexts(d.db, pair.cipher)).toEqual(before);
    const { app, getAs } = await appWith(d, pair);
    try {
      const get = await getAs('sheng_admin');
      for (const q of [member.idNumber, member.idNumber.toLowerCase(), member.phone]) {
        const found = (await get(`/api/members?q=${q}`)).json();
        expect(found.items.map((m: { id: number }) => m.id), q).toEqual([member.id]);
      }
    } finally {
      await app.close();
    }
  }

  it('should seed values under the original key set (v1), found by resident ID', async () => {
    expect(before.size).toBeGreaterThan(600);
    await expectReadable(d.open('international'));
  });

  it('should move every value and blind index from international to sm, after which IDs are still found', async () => {
    const report = await rotateFieldKeys({ db: d.db, keyFile: d.keyFile, auditKey: d.auditKey, profile: 'sm', batchSize: 97 });
    expect(report).toMatchObject({ profile: 'sm', from: 'k1', keySetId: 'k3', resumed: false });
    expect(report.rewritten.member).toBeGreaterThan(600);
    const pair = d.open('sm');
    expect(pair.cipher.writer.prefix).toBe('sm1.k3.');
    await expectReadable(pair);
    expect(() => d.open('international')).toThrow(/crypto rotate --profile international/);

    const inventory = await cryptoInventory(d.db, ring(), 'sm');
    expect(inventory.problems).toEqual([]);
    expect(inventory.blindIndexes.map((b) => b.algorithms)).toEqual(inventory.blindIndexes.map(() => ['HMAC-SM3']));
    expect(inventory.fields.find((f) => f.column === 'id_number_enc' && f.table === 'member')!.byKeySet.find((k) => k.keySetId === 'k3')!.count).toBe(inventory.fields.find((f) => f.column === 'id_number_enc' && f.table === 'member')!.values);
  });

  it('should resume an interrupted rotation back to international with the same new keys', async () => {
    let batches = 0;
    const interrupted = rotateFieldKeys({
      db: d.db, keyFile: d.keyFile, auditKey: d.auditKey, profile: 'international', batchSize: 50,
      onProgress: ({ done }) => {
        if (done > 0 && ++batches === 3) throw new Error('power cut');
      },
    });
    await expect(interrupted).rejects.toThrow('power cut');
    expect(ring().rotation).toMatchObject({ keySetId: 'k4', from: 'k3' });

    // Half-way, every value still decrypts, but an inventory is not clean.
    expect(await plaintexts(d.db, d.open('international').cipher)).toEqual(before);
    const halfway = await cryptoInventory(d.db, ring(), 'international');
    expect(halfway.ok).toBe(false);
    expect(halfway.problems.join('\n')).toMatch(/has not finished/);

    const report = await rotateFieldKeys({ db: d.db, keyFile: d.keyFile, auditKey: d.auditKey, profile: 'international', batchSize: 50 });
    expect(report).toMatchObject({ keySetId: 'k4', from: 'k3', resumed: true });
    expect(report.rewritten.member).toBeLessThan(before.size);
    expect(ring().rotation).toBeNull();
    const pair = d.open('international');
    expect(pair.cipher.writer.prefix).toBe('v2.k4.');
    await expectReadable(pair);
    expect((await cryptoInventory(d.db, ring(), 'international')).ok).toBe(true);
  });

  it('should report every non-SM field when the sm profile is configured over international data', async () => {
    const inventory = await cryptoInventory(d.db, ring(), 'sm');
    expect(inventory.ok).toBe(false);
    expect(inventory.problems.filter((p) => p.includes('not SM')).length).toBeGreaterThanOrEqual(4);
    expect(inventory.passwordHashes[0]!.scheme).toMatch(/^scrypt N=\d+ r=\d+ p=\d+$/);
  });

  it('should audit each rotation in the hash chain', async () => {
    const actions = (await d.db.selectFrom('audit_log').select(['action', 'target_id', 'actor_username']).where('action', 'like', 'crypto.%').orderBy('seq').execute());
    expect(actions.map((a) => `${a.action} ${a.target_id}`)).toEqual(['crypto.rotate.start k3', 'crypto.rotate k3', 'crypto.rotate.start k4', 'crypto.rotate k4']);
    expect(actions.every((a) => a.actor_username === 'system')).toBe(true);
    expect(await verifyAuditChain(d.db, d.auditKey)).toMatchObject({ ok: true });
  });
});
