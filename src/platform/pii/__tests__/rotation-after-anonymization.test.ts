import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymizeMember } from '../../../modules/privacy/member-anonymization.ts';
import { cryptoInventory } from '../crypto-inventory.ts';
import { loadOrCreateKeyRing } from '../keys.ts';
import { rotateFieldKeys } from '../rotate-field-keys.ts';
import { createKeyedDemo, type KeyedDemo } from './keyed-demo.ts';

/**
 * Anonymization empties a record's encrypted numbers (''), which is no ciphertext: key rotation and
 * the inventory must pass over it rather than try to decrypt it or count it as unknown.
 */
describe('key rotation after an anonymization', () => {
  let d: KeyedDemo;
  let anonymizedId: number;
  let other: { id: number; idNumber: string };

  beforeAll(async () => {
    d = await createKeyedDemo('international');
    const [first, second] = await d.db.selectFrom('member').select(['id', 'org_path', 'status', 'id_number_enc']).where('phone_enc', 'is not', null).orderBy('id').limit(2).execute();
    anonymizedId = first!.id;
    other = { id: second!.id, idNumber: d.open('international').cipher.decrypt(second!.id_number_enc) };
    await anonymizeMember(d.db, d.auditKey, { id: first!.id, orgPath: first!.org_path, status: first!.status, leftAt: '2000-01-01T00:00:00.000Z' }, new Date());
  });
  afterAll(async () => d?.close());

  it('rotates every other value, leaves the emptied ones empty, and the inventory reports no unknown values', async () => {
    const emptied = await d.db.selectFrom('member').select(['id_number_enc', 'id_number_index', 'phone_enc']).where('id', '=', anonymizedId).executeTakeFirstOrThrow();
    expect(emptied).toEqual({ id_number_enc: '', id_number_index: '', phone_enc: null });

    const report = await rotateFieldKeys({ db: d.db, keyFile: d.keyFile, auditKey: d.auditKey, profile: 'sm', batchSize: 50 });
    expect(report.rewritten.member).toBeGreaterThan(100);
    expect(await d.db.selectFrom('member').select(['id_number_enc', 'id_number_index', 'phone_enc']).where('id', '=', anonymizedId).executeTakeFirstOrThrow()).toEqual(emptied);
    const pair = d.open('sm');
    const rotated = await d.db.selectFrom('member').select(['id_number_enc', 'id_number_index']).where('id', '=', other.id).executeTakeFirstOrThrow();
    expect(pair.cipher.decrypt(rotated.id_number_enc)).toBe(other.idNumber);
    expect(rotated.id_number_index).toBe(pair.blindIndex.of('resident_id', other.idNumber));

    const inventory = await cryptoInventory(d.db, loadOrCreateKeyRing('/nonexistent', d.keyFile), 'sm');
    expect(inventory.problems).toEqual([]);
  });
});
