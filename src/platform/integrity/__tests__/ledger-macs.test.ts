import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, orgIdByName, type Client, type TestApp } from '../../../../test/helpers/test-app.ts';
import { todayInChina } from '../../time/china-date.ts';
import { monthInChina } from '../../time/months.ts';
import { LEDGER_TABLES, type LedgerTable } from '../ledger-tables.ts';
import { rowMacKeysOf, type RowMacKeys } from '../mac-keys.ts';
import { rowMacKeyOf } from '../row-mac-key.ts';
import { verifyLedgerMacs } from '../verify-ledger-macs.ts';

/**
 * DOMAIN §12 DB-13, MP-03: every dues payment and every transfer step carries a MAC over what it
 * records; a row changed in the database behind the application's back is named by the verifier.
 */
describe('ledger row MACs', () => {
  let t: TestApp;
  let keys: RowMacKeys;
  let secretary: Client;
  let parentAdmin: Client;
  let paymentId: number;
  let transferId: number;

  const macOf = async (table: LedgerTable, id: number) =>
    (await sql<{ row_mac: string | null }>`select row_mac from ${sql.table(table)} where id = ${id}`.execute(t.db)).rows[0]!.row_mac;
  const verify = () => verifyLedgerMacs(t.db, keys);

  beforeAll(async () => {
    t = await createTestApp();
    keys = rowMacKeysOf(t.cipher);
    secretary = await t.login('zhishu_demo');
    const me = (await secretary.get('/api/auth/me')).json();
    const branchId = me.posts.find((p: { id: number }) => p.id === me.currentPostId).orgId as number;

    // A payment recorded through the API: a member of the branch with no payment yet, assessed and paying one month.
    const member = await t.db.selectFrom('member').select('id').where('org_id', '=', branchId).where('status', '=', 'normal')
      .where('id', 'not in', (eb) => eb.selectFrom('dues_payment').select('member_id')).orderBy('id').executeTakeFirstOrThrow();
    await t.db.updateTable('member').set({ dues_monthly_fen: null, dues_paid_through: null }).where('id', '=', member.id).execute();
    const assessed = await secretary.post('/api/dues/assessments', { memberIds: [member.id], category: 'student', fromMonth: monthInChina() });
    expect(assessed.statusCode, assessed.body).toBe(200);
    const paid = await secretary.post('/api/dues/payments', { memberIds: [member.id], months: 1, method: 'cash', receiptNo: 'SJ-MAC-0001', paidOn: todayInChina() });
    expect(paid.statusCode, paid.body).toBe(200);
    paymentId = (await t.db.selectFrom('dues_payment').select('id').where('member_id', '=', member.id).orderBy('id', 'desc').executeTakeFirstOrThrow()).id;

    // A transfer started and decided through the API: a submit, the branch's own approval, and the parent's approval.
    const mover = await t.db.selectFrom('member').select('id').where('org_id', '=', branchId).where('status', '=', 'normal')
      .where('id', 'not in', (eb) => eb.selectFrom('transfer').select('member_id')).orderBy('id').executeTakeFirstOrThrow();
    const pidu = await t.db.selectFrom('organization').select('path').where('id', '=', await orgIdByName(t, '共青团郫都区委')).executeTakeFirstOrThrow();
    const target = await t.db.selectFrom('organization').select('id').where('type', '=', 'branch').where('status', '=', 'active')
      .where('path', 'like', `${pidu.path}%`).orderBy('id').executeTakeFirstOrThrow();
    const started = await secretary.post('/api/transfers', { memberId: mover.id, scopeKind: 'within', reason: 'employment', toOrgId: target.id });
    expect(started.statusCode, started.body).toBe(200);
    transferId = started.json().id;
    parentAdmin = await t.login('wuhou_admin');
    const decided = await parentAdmin.post(`/api/transfers/${transferId}/decision`, { action: 'approve' });
    expect(decided.statusCode, decided.body).toBe(200);
    // A second transfer, only started, so that each event column has another valid value to be changed to.
    const second = await t.db.selectFrom('member').select('id').where('org_id', '=', branchId).where('status', '=', 'normal')
      .where('id', 'not in', (eb) => eb.selectFrom('transfer').select('member_id')).orderBy('id').executeTakeFirstOrThrow();
    const other = await secretary.post('/api/transfers', { memberId: second.id, scopeKind: 'within', reason: 'further_study', toOrgId: target.id });
    expect(other.statusCode, other.body).toBe(200);
  });
  afterAll(async () => t?.close());

  it('seals every payment and transfer step as it is written, under the current key set', async () => {
    expect(await macOf('dues_payment', paymentId)).toMatch(/^m1\.k1\.[A-Za-z0-9_-]{43}$/);
    const events = await t.db.selectFrom('transfer_event').select(['action', 'row_mac']).where('transfer_id', '=', transferId).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['submit', 'approve', 'approve']);
    for (const event of events) expect(event.row_mac).toMatch(/^m1\.k1\./);
    // The demo's own payments and transfers were sealed by the seed too: nothing in the database lacks a MAC.
    const report = await verify();
    expect(report.badRows).toEqual([]);
    expect(report.ok).toBe(true);
    for (const table of report.tables) {
      expect(table.rows, table.table).toBeGreaterThan(2);
      expect(table.byKeyId, table.table).toEqual({ k1: table.rows });
    }
  });

  it('names the row when any covered column is changed in the database, and passes again once it is put back', async () => {
    const targets: [LedgerTable, number][] = [['dues_payment', paymentId], ['transfer_event', await lastEventId()]];
    for (const [table, id] of targets) {
      for (const column of LEDGER_TABLES[table].filter((c) => c !== 'id')) {
        const original = (await sql<Record<string, unknown>>`select ${sql.ref(column)} as v from ${sql.table(table)} where id = ${id}`.execute(t.db)).rows[0]!.v;
        const changed = await differentValue(table, column, original);
        await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${changed} where id = ${id}`.execute(t.db).catch((e: Error) => {
          throw new Error(`${table}.${column} = ${String(changed)}: ${e.message}`);
        });
        const report = await verify();
        expect(report.badRows, `${table}.${column}: ${String(original)} → ${String(changed)}`).toEqual([{ table, id, problem: 'mismatch' }]);
        expect(report.ok).toBe(false);
        await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${original} where id = ${id}`.execute(t.db);
      }
    }
    expect((await verify()).ok).toBe(true);
  });

  it('names a row whose MAC was removed, copied from another row or relabelled to another key', async () => {
    const [a, b] = await t.db.selectFrom('dues_payment').select(['id', 'row_mac']).orderBy('id').limit(2).execute();
    const tamper = async (id: number, mac: string | null) => {
      await t.db.updateTable('dues_payment').set({ row_mac: mac }).where('id', '=', id).execute();
      return (await verify()).badRows;
    };
    expect(await tamper(a!.id, null)).toEqual([{ table: 'dues_payment', id: a!.id, problem: 'missing' }]);
    expect(await tamper(a!.id, b!.row_mac)).toEqual([{ table: 'dues_payment', id: a!.id, problem: 'mismatch' }]);
    expect(await tamper(a!.id, a!.row_mac!.replace(/^m1\.k1\./, 'm1.k7.'))).toEqual([{ table: 'dues_payment', id: a!.id, problem: 'unknown_key' }]);
    expect(await tamper(a!.id, a!.row_mac)).toEqual([]);
  });

  it('seals a reversal, and refuses to reverse a payment changed behind the application\'s back', async () => {
    const original = await t.db.selectFrom('dues_payment').selectAll().where('id', '=', paymentId).executeTakeFirstOrThrow();
    await t.db.updateTable('dues_payment').set({ amount_fen: original.amount_fen + 10_000 }).where('id', '=', paymentId).execute();
    const refused = await secretary.post(`/api/dues/payments/${paymentId}/reversal`, { reason: '录入错误' });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'DUES_REFUSED', reason: 'integrity_failed' });
    expect(await t.db.selectFrom('dues_payment').select(['status', 'row_mac']).where('id', '=', paymentId).executeTakeFirstOrThrow())
      .toEqual({ status: 'recorded', row_mac: original.row_mac });

    await t.db.updateTable('dues_payment').set({ amount_fen: original.amount_fen }).where('id', '=', paymentId).execute();
    const reversed = await secretary.post(`/api/dues/payments/${paymentId}/reversal`, { reason: '录入错误' });
    expect(reversed.statusCode, reversed.body).toBe(204);
    const after = await t.db.selectFrom('dues_payment').select(['status', 'row_mac']).where('id', '=', paymentId).executeTakeFirstOrThrow();
    expect(after.status).toBe('reversed');
    expect(after.row_mac).not.toBe(original.row_mac);
    expect((await verify()).ok).toBe(true);
    // Putting the row back to "recorded" in the database is caught like any other change.
    await t.db.updateTable('dues_payment').set({ status: 'recorded' }).where('id', '=', paymentId).execute();
    expect((await verify()).badRows).toEqual([{ table: 'dues_payment', id: paymentId, problem: 'mismatch' }]);
    await t.db.updateTable('dues_payment').set({ status: 'reversed' }).where('id', '=', paymentId).execute();
  });

  async function lastEventId(): Promise<number> {
    return (await t.db.selectFrom('transfer_event').select('id').where('transfer_id', '=', transferId).orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
  }

  /** A value the column may hold that differs from `original`: another row's when there is one (keys stay valid), else an edit. */
  async function differentValue(table: LedgerTable, column: string, original: unknown): Promise<unknown> {
    const other = (await sql<{ v: unknown }>`select ${sql.ref(column)} as v from ${sql.table(table)}
      where ${sql.ref(column)} is not null and ${sql.ref(column)} <> ${original ?? ''} order by id limit 1`.execute(t.db)).rows[0];
    if (other && original !== null) return other.v;
    if (typeof original === 'number') return original + 1;
    if (typeof original === 'string') return `${original}改`;
    return other?.v ?? '改';
  }
});

describe('row MAC keys', () => {
  const keySet = (profile: 'international' | 'sm', id: string) => ({
    id, profile, encryptionKey: crypto.randomBytes(profile === 'sm' ? 16 : 32), macKey: profile === 'sm' ? crypto.randomBytes(32) : null,
    indexKey: crypto.randomBytes(32), createdAt: null,
  });

  it('use the profile\'s MAC: HMAC-SM3 under 国密, HMAC-SHA-256 otherwise, under a key of their own per key set', () => {
    const sm = keySet('sm', 'k2');
    const smKey = rowMacKeyOf(sm);
    expect(smKey).toMatchObject({ keyId: 'k2', algorithm: 'HMAC-SM3' });
    const derived = Buffer.from(crypto.hkdfSync('sm3', Buffer.concat([sm.encryptionKey, sm.macKey!]), Buffer.alloc(0), 'tuanwu/ledger-row-mac/k2', 32));
    expect(smKey.mac('x')).toEqual(crypto.createHmac('sm3', derived).update('x').digest());
    const intl = keySet('international', 'k3');
    expect(rowMacKeyOf(intl)).toMatchObject({ keyId: 'k3', algorithm: 'HMAC-SHA-256' });
    expect(rowMacKeyOf(intl).mac('x')).toHaveLength(32);
    // Not the field, ciphertext-MAC or index key itself.
    for (const key of [sm.macKey!, sm.indexKey]) expect(smKey.mac('x')).not.toEqual(crypto.createHmac('sm3', key).update('x').digest());
    // The same secrets under another key id give another key: a MAC cannot be relabelled.
    expect(rowMacKeyOf({ ...sm, id: 'k4' }).mac('x')).not.toEqual(smKey.mac('x'));
  });
});
