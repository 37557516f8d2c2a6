import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, systemActor, verifyAuditChain } from '../audit-log.ts';
import { createTestDb, type TestDb } from '../../../../test/helpers/test-db.ts';
import { cliTarget } from '../../../../test/helpers/cli.ts';

describe('audit hash chain', () => {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.destroy();
    t = undefined;
  });

  async function withEntries(n: number): Promise<TestDb> {
    t = await createTestDb();
    for (let i = 1; i <= n; i++) {
      await t.db.transaction().execute((trx) => appendAudit(trx, t!.auditKey, systemActor, { action: 'test.event', targetId: i, after: { i } }));
    }
    return t;
  }
  const seqOf = async (db: TestDb, action: string, targetId: string) =>
    Number((await db.db.selectFrom('audit_log').select('seq').where('action', '=', action).where('target_id', '=', targetId).executeTakeFirstOrThrow()).seq);

  it('verifies an untouched chain', async () => {
    const db = await withEntries(5);
    const verdict = await verifyAuditChain(db.db, db.auditKey);
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.entries).toBeGreaterThanOrEqual(5);
  });

  it('names the first altered row', async () => {
    const db = await withEntries(6);
    const seq = await seqOf(db, 'test.event', '3');
    await sql`update audit_log set target_label = 'forged' where seq = ${seq}`.execute(db.db);
    expect(await verifyAuditChain(db.db, db.auditKey)).toMatchObject({ ok: false, brokenAtSeq: seq });
  });

  it('detects a deleted row and a truncated tail', async () => {
    const db = await withEntries(6);
    const middle = await seqOf(db, 'test.event', '2');
    const last = await seqOf(db, 'test.event', '6');
    await sql`delete from audit_log where seq = ${last}`.execute(db.db);
    expect(await verifyAuditChain(db.db, db.auditKey)).toMatchObject({ ok: false, brokenAtSeq: last });
    await sql`delete from audit_log where seq = ${middle}`.execute(db.db);
    expect(await verifyAuditChain(db.db, db.auditKey)).toMatchObject({ ok: false, brokenAtSeq: middle });
  });

  it('rejects a row recomputed without the key', async () => {
    const db = await withEntries(3);
    const seq = await seqOf(db, 'test.event', '2');
    await sql`update audit_log set result = 'denied', hash = ${'f'.repeat(64)} where seq = ${seq}`.execute(db.db);
    expect(await verifyAuditChain(db.db, db.auditKey)).toMatchObject({ ok: false, brokenAtSeq: seq });
  });
});

describe('tuanwu audit verify (command line)', () => {
  it('exits 0 on an intact chain and 2 naming the seq of a tampered row', async () => {
    const cli = await cliTarget();
    try {
      cli.run(['seed', 'demo']);
      expect(cli.run(['audit', 'verify'])).toMatch(/intact: \d+ entries/);
      await sql`update audit_log set detail = '{}' where seq = 2`.execute(cli.target.db);
      let status = 0;
      let output = '';
      try {
        cli.run(['audit', 'verify']);
      } catch (error) {
        status = (error as { status: number }).status;
        output = String((error as { stderr: string }).stderr);
      }
      expect(status).toBe(2);
      expect(output).toContain('BROKEN at seq 2');
    } finally {
      await cli.dispose();
    }
  });
});
