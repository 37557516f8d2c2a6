import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connect } from '../../../platform/db/connect.ts';
import { grantAppRole } from '../../../platform/db/app-role-grants.ts';
import { appendAudit, systemActor, verifyAuditChain } from '../../../platform/audit/audit-log.ts';
import { loadRuleOverrides, setRuleOverride } from '../../../platform/rules/rule-overrides.ts';
import { rule } from '../../../platform/rules/rules.ts';
import { createTestDb, testEngine, type TestDb } from '../../../../test/helpers/test-db.ts';
import { purgeExpiredAudit } from '../audit-retention.ts';

/** DOMAIN §12 DB-10, LAW-11: audit entries are kept at least 183 days; a purge leaves a verifiable chain. */
describe('audit log retention', () => {
  let t: TestDb | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    if (t) {
      await t.db.deleteFrom('rule_override').execute();
      await loadRuleOverrides(t.db);
      await t.destroy();
    }
    t = undefined;
  });

  const count = async (db: TestDb) => Number((await db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const append = (db: TestDb, n: number, action: string) =>
    db.db.transaction().execute(async (trx) => {
      for (let i = 1; i <= n; i++) await appendAudit(trx, db.auditKey, systemActor, { action, targetId: i });
    });

  /** A database whose first entries were written on 2024-01-10 and the later ones on 2025-03-01 (a fixed clock). */
  async function withOldAndNewEntries(): Promise<TestDb> {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-01-10T02:00:00Z'));
    t = await createTestDb();
    await append(t, 4, 'test.old');
    vi.setSystemTime(new Date('2025-03-01T02:00:00Z'));
    await append(t, 3, 'test.new');
    vi.useRealTimers();
    return t;
  }

  it('refuses a retention under 183 days in the rule table and in the purge itself, deleting nothing', async () => {
    const db = await withOldAndNewEntries();
    const deps = { db: db.db, auditKey: db.auditKey, actor: systemActor };
    const input = { source: '测试', effectiveFrom: '2020-01-01', reason: '测试下限' };
    await expect(setRuleOverride(deps, 'audit.retentionDays', { value: 90, ...input })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'value', code: 'below_minimum' }] });
    expect(rule('audit.retentionDays')).toBe(365);
    // Even an override slipped into the table directly cannot bring the period under the floor.
    await db.db.insertInto('rule_override').values({ rule_key: 'audit.retentionDays', value: 30, source: 'x', effective_from: '2020-01-01', reason: 'x', created_by_user_id: null, created_by_username: 'x', created_at: new Date().toISOString() }).execute();
    await loadRuleOverrides(db.db);
    expect(rule('audit.retentionDays')).toBe(183);
    const before = await count(db);
    await expect(purgeExpiredAudit(db.db, db.auditKey, { now: new Date('2025-03-02T00:00:00Z'), retentionDays: 30 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await count(db)).toBe(before);
    // A legal override (200 days) is accepted.
    await db.db.deleteFrom('rule_override').execute();
    await setRuleOverride(deps, 'audit.retentionDays', { value: 200, ...input });
    expect(rule('audit.retentionDays')).toBe(200);
  });

  it('purges only entries past the retention, writes a checkpoint, and the chain still verifies', async () => {
    const db = await withOldAndNewEntries();
    const now = new Date('2025-03-02T00:00:00Z'); // 365 days back is 2024-03-02: the 2024-01-10 entries are due
    const oldRows = await db.db.selectFrom('audit_log').select(['seq', 'hash']).where('at', '<', '2024-03-02').orderBy('seq').execute();
    expect(oldRows.length).toBeGreaterThanOrEqual(4);

    const dry = await purgeExpiredAudit(db.db, db.auditKey, { now, dryRun: true });
    expect(dry).toMatchObject({ status: 'would_purge', rows: oldRows.length, throughSeq: oldRows.at(-1)!.seq });
    expect(await db.db.selectFrom('audit_checkpoint').selectAll().execute()).toEqual([]);

    const report = await purgeExpiredAudit(db.db, db.auditKey, { now });
    expect(report).toMatchObject({ status: 'purged', rows: oldRows.length, throughSeq: oldRows.at(-1)!.seq });
    expect(await db.db.selectFrom('audit_log').select('seq').where('action', '=', 'test.old').execute()).toEqual([]);
    expect((await db.db.selectFrom('audit_log').select('seq').where('action', '=', 'test.new').execute()).length).toBe(3);
    const checkpoint = await db.db.selectFrom('audit_checkpoint').selectAll().executeTakeFirstOrThrow();
    expect(checkpoint).toMatchObject({ hash: oldRows.at(-1)!.hash, purged_rows: oldRows.length });
    expect(Number(checkpoint.seq)).toBe(oldRows.at(-1)!.seq);
    const purge = await db.db.selectFrom('audit_log').select('detail').where('action', '=', 'audit.purge').executeTakeFirstOrThrow();
    expect(JSON.parse(purge.detail!)).toMatchObject({ rows: oldRows.length, retentionDays: 365 });

    expect(await verifyAuditChain(db.db, db.auditKey)).toMatchObject({ ok: true });
    // Nothing more is due; the newer entries stay.
    expect(await purgeExpiredAudit(db.db, db.auditKey, { now })).toMatchObject({ status: 'nothing_due' });
    // The first entry after the checkpoint removed, or the checkpoint itself forged: both are caught.
    const firstKept = Number(checkpoint.seq) + 1;
    await sql`update audit_checkpoint set seq = ${firstKept}`.execute(db.db);
    expect(await verifyAuditChain(db.db, db.auditKey)).toMatchObject({ ok: false, reason: expect.stringContaining('checkpoint') });
    await sql`update audit_checkpoint set seq = ${checkpoint.seq}`.execute(db.db);
    await sql`delete from audit_log where seq = ${firstKept}`.execute(db.db);
    expect(await verifyAuditChain(db.db, db.auditKey)).toMatchObject({ ok: false, brokenAtSeq: firstKept });
  });

  it('refuses to purge a chain that does not verify, keeping the evidence', async () => {
    const db = await withOldAndNewEntries();
    await sql`update audit_log set target_id = 'forged' where action = 'test.old' and target_id = '2'`.execute(db.db);
    const before = await count(db);
    await expect(purgeExpiredAudit(db.db, db.auditKey, { now: new Date('2025-03-02T00:00:00Z') })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await count(db)).toBe(before);
  });

  it.runIf(testEngine === 'postgres')('leaves the purge to the owner: the application role is told so and may not write a checkpoint', async () => {
    const db = await withOldAndNewEntries();
    const role = `tuanwu_app_${crypto.randomBytes(4).toString('hex')}`;
    await sql`create role ${sql.id(role)} login password ${sql.lit('retention-test')}`.execute(db.db);
    await grantAppRole(db.db, role);
    const url = new URL(db.location.url!);
    url.username = role;
    url.password = 'retention-test';
    const app = connect({ engine: 'postgres', url: url.toString(), poolSize: 1 });
    const now = new Date('2025-03-02T00:00:00Z');
    try {
      const before = await count(db);
      expect(await purgeExpiredAudit(app, db.auditKey, { now })).toMatchObject({ status: 'needs_owner', rows: expect.any(Number) });
      expect(await count(db)).toBe(before);
      await expect(sql`insert into audit_checkpoint (seq, hash, purged_rows, cutoff, created_at, mac) values (1, 'x', 1, 'x', 'x', 'x')`.execute(app)).rejects.toThrow(/permission denied/);
      expect(await verifyAuditChain(app, db.auditKey)).toMatchObject({ ok: true });
      // The owner's connection purges.
      expect(await purgeExpiredAudit(db.db, db.auditKey, { now })).toMatchObject({ status: 'purged' });
      expect(await verifyAuditChain(app, db.auditKey)).toMatchObject({ ok: true });
    } finally {
      await app.destroy();
      await sql`grant ${sql.id(role)} to current_user`.execute(db.db);
      await sql`drop owned by ${sql.id(role)}`.execute(db.db);
      await sql`drop role ${sql.id(role)}`.execute(db.db);
    }
  });
});
