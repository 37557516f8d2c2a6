import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../../test/helpers/test-db.ts';
import { allMigrations } from '../../db/migrations/index.ts';
import { FieldCipher } from '../../pii/field-cipher.ts';
import { randomKeyRing } from '../../pii/keys.ts';
import { prepareDatabase } from '../../runtime.ts';
import { rowMacKeysOf } from '../mac-keys.ts';
import { verifyLedgerMacs } from '../verify-ledger-macs.ts';

/**
 * Migration 0018 on a database that already holds payments and transfer steps: the process that
 * migrates seals them with its keys; one without keys leaves them for the verifier to report.
 */
describe('migration 0018 (ledger MACs) on existing rows', () => {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.destroy();
    t = undefined;
  });

  /** A database migrated up to 0017, holding two payments and two transfer steps (their referenced rows left out). */
  async function databaseBefore0018(): Promise<TestDb> {
    const db = await createTestDb({ migrate: false });
    const before = Object.fromEntries(Object.entries(allMigrations(db.db.engine)).filter(([name]) => name < '0018'));
    const migrated = await new Migrator({
      db: db.db, provider: { getMigrations: async () => before }, migrationTableName: 'schema_migration', migrationLockTableName: 'schema_migration_lock',
    }).migrateToLatest();
    expect(migrated.error).toBeUndefined();
    // The ledger rows alone: their members, organizations and transfers do not matter to the MACs.
    if (db.db.engine === 'sqlite') {
      await sql`pragma foreign_keys = off`.execute(db.db);
    } else {
      const constraints = (await sql<{ table_name: string; constraint_name: string }>`select table_name, constraint_name from information_schema.table_constraints
        where constraint_type = 'FOREIGN KEY' and table_name in ('dues_payment', 'transfer_event')`.execute(db.db)).rows;
      for (const c of constraints) await sql`alter table ${sql.table(c.table_name)} drop constraint ${sql.ref(c.constraint_name)}`.execute(db.db);
    }
    const at = '2026-03-01T08:00:00.000Z';
    for (const [memberId, amount] of [[1, 60], [2, 1200]] as const) {
      await sql`insert into dues_payment (member_id, org_id, org_path, from_month, to_month, months, monthly_fen, extra_fen, amount_fen, provider, method,
        receipt_no, paid_on, collected_month, status, actor_username, recorded_at)
        values (${memberId}, 7, '/1/7/', '2026-01', '2026-03', 3, ${amount / 3}, 0, ${amount}, 'offline', 'cash', 'SJ-1', '2026-03-01', '2026-03', 'recorded', 'zhishu', ${at})`.execute(db.db);
    }
    for (const action of ['submit', 'approve']) {
      await sql`insert into transfer_event (transfer_id, stage, stage_org_id, stage_org_path, action, actor_username, on_behalf, at)
        values (1, 'out_branch', 7, '/1/7/', ${action}, 'zhishu', 0, ${at})`.execute(db.db);
    }
    return db;
  }

  it('seals the rows already there with the migrating process\'s keys, and records it in the audit log', async () => {
    t = await databaseBefore0018();
    const cipher = new FieldCipher(randomKeyRing().fieldKey);
    const applied = await prepareDatabase({ db: t.db, auditKey: t.auditKey, cipher });
    expect(applied).toContain('0018-ledger-macs');
    const report = await verifyLedgerMacs(t.db, rowMacKeysOf(cipher));
    expect(report.badRows).toEqual([]);
    expect(report.tables.map((x) => [x.table, x.rows, x.ok])).toEqual([['dues_payment', 2, 2], ['transfer_event', 2, 2]]);
    const audit = await t.db.selectFrom('audit_log').select('detail').where('action', '=', 'integrity.seal').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!)).toEqual({ reason: 'migration', sealed: { dues_payment: 2, transfer_event: 2 } });
    // A later start seals nothing: a MAC removed afterwards stays reported.
    await t.db.updateTable('dues_payment').set({ row_mac: null }).where('member_id', '=', 2).execute();
    expect(await prepareDatabase({ db: t.db, auditKey: t.auditKey, cipher })).toEqual([]);
    expect((await verifyLedgerMacs(t.db, rowMacKeysOf(cipher))).badRows).toMatchObject([{ table: 'dues_payment', problem: 'missing' }]);
  });

  it('leaves them without a MAC, reported by the verifier, when the migrating process has no keys', async () => {
    t = await databaseBefore0018();
    await prepareDatabase({ db: t.db, auditKey: t.auditKey });
    const report = await verifyLedgerMacs(t.db, rowMacKeysOf(new FieldCipher(randomKeyRing().fieldKey)));
    expect(report.ok).toBe(false);
    expect(report.badRows.map((r) => [r.table, r.problem])).toEqual([
      ['dues_payment', 'missing'], ['dues_payment', 'missing'], ['transfer_event', 'missing'], ['transfer_event', 'missing'],
    ]);
  });
});
