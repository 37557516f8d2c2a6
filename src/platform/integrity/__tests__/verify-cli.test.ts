import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliTarget, TUANWU_BIN, type CliTarget } from '../../../../test/helpers/cli.ts';
import type { IntegrityReport } from '../verify-integrity.ts';

/**
 * `tuanwu verify`, `crypto rotate` and `backup verify` on the demo database (DOMAIN §12 DB-13,
 * DB-15, MP-03): a payment changed directly in the database is named, by the daily check and by
 * the restore check of a backup taken after it; a rotation renews every other MAC and leaves that
 * row flagged; the exit code says what failed.
 */
describe('tuanwu verify (command line)', () => {
  let cli: CliTarget;
  let tamperedId: number;
  let originalAmount: number;

  const tuanwu = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const run = spawnSync(process.execPath, [TUANWU_BIN, ...args], { env: { ...cli.env, ...env }, encoding: 'utf8' });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, output: run.stdout + run.stderr };
  };
  const verifyJson = (env: NodeJS.ProcessEnv = {}) => {
    const run = tuanwu(['verify', '--json'], env);
    return { status: run.status, report: JSON.parse(run.stdout) as IntegrityReport & { sealed?: Record<string, number> } };
  };
  const db = () => cli.target.db;
  const lastAudit = (action: string) => db().selectFrom('audit_log').select(['result', 'detail']).where('action', '=', action).orderBy('seq', 'desc').executeTakeFirst();

  beforeAll(async () => {
    cli = await cliTarget();
    const seeded = tuanwu(['seed', 'demo']);
    expect(seeded.status, seeded.output).toBe(0);
  });
  afterAll(async () => cli?.dispose());

  it('passes on the untouched demo, with the rows of each ledger counted', async () => {
    const run = tuanwu(['verify']);
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toMatch(/audit chain intact: \d+ entries/);
    expect(run.stdout).toMatch(/dues_payment: \d+ 行 \/ rows, \d+ 通过 \/ verified \(k1: \d+\)/);
    expect(run.stdout).toContain('PASSED');
    const { status, report } = verifyJson();
    expect(status).toBe(0);
    expect(report.ok).toBe(true);
    const counts = Object.fromEntries(report.macs.tables.map((t) => [t.table, t]));
    const payments = Number((await sql<{ n: number }>`select count(*) as n from dues_payment`.execute(db())).rows[0]!.n);
    expect(counts.dues_payment).toMatchObject({ rows: payments, ok: payments, bad: 0 });
    expect(counts.transfer_event!.rows).toBeGreaterThan(3);
    expect(await lastAudit('integrity.verify')).toMatchObject({ result: 'ok' });
    expect(await db().selectFrom('security_alert').select('id').where('kind', '=', 'ledger_integrity').execute()).toEqual([]);
  });

  it('names a payment whose amount was changed in the database, exits 1 and records the failure', async () => {
    const row = await db().selectFrom('dues_payment').select(['id', 'amount_fen']).orderBy('id').limit(1).offset(5).executeTakeFirstOrThrow();
    tamperedId = row.id;
    originalAmount = row.amount_fen;
    await db().updateTable('dues_payment').set({ amount_fen: row.amount_fen + 100_00 }).where('id', '=', row.id).execute();
    const run = tuanwu(['verify']);
    expect(run.status, run.output).toBe(1);
    expect(run.stderr).toContain(`dues_payment id ${row.id}: 校验码不符`);
    expect(run.stderr).toContain('FAILED');
    const { status, report } = verifyJson();
    expect(status).toBe(1);
    expect(report.macs.badRows).toEqual([{ table: 'dues_payment', id: row.id, problem: 'mismatch' }]);
    const audit = await lastAudit('integrity.verify');
    expect(audit?.result).toBe('failed');
    expect(JSON.parse(audit!.detail!).badRows).toEqual([`dues_payment#${row.id}:mismatch`]);
    // The auditor sees it among the security alerts (two runs, two alerts: each daily check that fails raises one).
    const alerts = await db().selectFrom('security_alert').select(['kind', 'count', 'org_path', 'detail']).where('kind', '=', 'ledger_integrity').execute();
    expect(alerts).toHaveLength(2);
    expect(alerts[0]).toMatchObject({ count: 1, org_path: null });
    expect(JSON.parse(alerts[0]!.detail!).rows).toEqual([`dues_payment#${row.id}`]);
  });

  it('reports the changed row in the restore check of a backup taken after the change', () => {
    const out = path.join(path.dirname(cli.env.TUANWU_KEY_FILE!), `after-tamper.${cli.target.location.file ? 'sqlite' : 'dump'}`);
    const backup = tuanwu(['backup', '--out', out]);
    expect(backup.status, backup.output).toBe(0);
    const checked = tuanwu(['backup', 'verify', out]);
    expect(checked.status, checked.output).toBe(1);
    expect(checked.output).toMatch(/行数 \/ row counts: \d+ 张表全部一致/);
    expect(checked.output).toContain(`dues_payment id ${tamperedId}: 校验码不符`);
    expect(checked.output).toContain('未通过 FAILED');
    fs.rmSync(out);
    fs.rmSync(`${out}.manifest.json`);
  });

  it('renews every other MAC under the new keys when rotating, leaves the changed row flagged, and passes once it is put back', async () => {
    const rotated = tuanwu(['crypto', 'rotate', '--profile', 'sm'], { TUANWU_CRYPTO_PROFILE: 'sm' });
    expect(rotated.status, rotated.output).toBe(0);
    expect(rotated.stdout).toMatch(/ledger MACs renewed: dues_payment \d+, transfer_event \d+/);
    expect(rotated.stderr).toContain(`dues_payment#${tamperedId}`);
    const inventory = JSON.parse(tuanwu(['crypto', 'inventory', '--json'], { TUANWU_CRYPTO_PROFILE: 'sm' }).stdout) as { other: { use: string; algorithm: string }[] };
    expect(inventory.other.find((o) => o.use.includes('ledger row MACs'))).toMatchObject({ algorithm: 'HMAC-SM3', sm: true });

    const after = verifyJson({ TUANWU_CRYPTO_PROFILE: 'sm' });
    expect(after.status).toBe(1);
    expect(after.report.macs.badRows).toEqual([{ table: 'dues_payment', id: tamperedId, problem: 'mismatch' }]);
    const dues = after.report.macs.tables.find((t) => t.table === 'dues_payment')!;
    const [newKey, ...others] = Object.keys(dues.byKeyId);
    expect(others).toEqual([]);
    expect(newKey).not.toBe('k1');
    expect(dues.byKeyId[newKey!]).toBe(dues.rows - 1);
    const macs = await db().selectFrom('transfer_event').select('row_mac').execute();
    expect(macs.every((m) => m.row_mac!.startsWith(`m1.${newKey}.`))).toBe(true);

    // Put back, the row verifies under the key it was sealed with, which the key file keeps.
    await db().updateTable('dues_payment').set({ amount_fen: originalAmount }).where('id', '=', tamperedId).execute();
    const restored = verifyJson({ TUANWU_CRYPTO_PROFILE: 'sm' });
    expect(restored.status).toBe(0);
    expect(restored.report.macs.tables.find((t) => t.table === 'dues_payment')!.byKeyId).toEqual({ k1: 1, [newKey!]: dues.rows - 1 });
  });

  it('seals rows without a MAC only when the operator asks, and exits 2 for a broken audit chain', async () => {
    const event = await db().selectFrom('transfer_event').select('id').orderBy('id').executeTakeFirstOrThrow();
    await db().updateTable('transfer_event').set({ row_mac: null }).where('id', '=', event.id).execute();
    const missing = verifyJson({ TUANWU_CRYPTO_PROFILE: 'sm' });
    expect(missing.status).toBe(1);
    expect(missing.report.macs.badRows).toEqual([{ table: 'transfer_event', id: event.id, problem: 'missing' }]);
    const sealed = verifyJson({ TUANWU_CRYPTO_PROFILE: 'sm' });
    expect(sealed.status, 'a plain verify never seals').toBe(1);
    const run = tuanwu(['verify', '--seal-missing'], { TUANWU_CRYPTO_PROFILE: 'sm' });
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toContain('transfer_event 1');
    expect(JSON.parse((await lastAudit('integrity.seal'))!.detail!)).toMatchObject({ reason: 'operator', sealed: { transfer_event: 1, dues_payment: 0 } });

    await db().updateTable('audit_log').set({ target_label: '改动' }).where('seq', '=', 3).execute();
    const broken = tuanwu(['verify'], { TUANWU_CRYPTO_PROFILE: 'sm' });
    expect(broken.status, broken.output).toBe(2);
    expect(broken.stderr).toContain('audit chain BROKEN at seq 3');
  });
});
