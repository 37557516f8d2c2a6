import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { testEngine } from '../../../../test/helpers/test-db.ts';
import { connect } from '../../db/connect.ts';
import { grantAppRole } from '../../db/app-role-grants.ts';
import { prepareDatabase } from '../../runtime.ts';
import { appendAudit, systemActor } from '../audit-log.ts';

/** DOMAIN §12 DB-10: the audit log cannot be rewritten by the application, and a write without its audit record does not happen. */
describe('audit protection', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('refuses a write whose audit record cannot be written, and changes nothing (fail closed)', async () => {
    const admin = await t.login('sheng_admin');
    const parentId = (await t.db.selectFrom('organization').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id;
    const count = async () => Number((await t.db.selectFrom('organization').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    // Without its head row the chain cannot be extended, so every audited write must fail.
    const head = await t.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    await t.db.deleteFrom('audit_head').execute();
    try {
      const response = await admin.post('/api/orgs', { parentId, name: '审计失败时不应建立的团委', type: 'committee', kind: 'normal', industryCategory: 'other' });
      expect(response.statusCode).toBe(503);
      expect(response.json().error.code).toBe('SERVICE_UNAVAILABLE');
      expect(JSON.stringify(response.json())).not.toContain('audit_head');
      expect(await count()).toBe(before);
    } finally {
      await t.db.insertInto('audit_head').values(head).execute();
    }
    const ok = await admin.post('/api/orgs', { parentId, name: '审计恢复后建立的团委', type: 'committee', kind: 'normal', industryCategory: 'other' });
    expect(ok.statusCode).toBe(201);
  });

  it.runIf(testEngine === 'postgres')('lets the PostgreSQL application role append to the audit log but never change or remove an entry', async () => {
    const role = `tuanwu_app_${crypto.randomBytes(4).toString('hex')}`;
    const password = crypto.randomBytes(12).toString('hex');
    await sql`create role ${sql.id(role)} login password ${sql.lit(password)}`.execute(t.db);
    await grantAppRole(t.db, role);
    const url = new URL(t.location.url!);
    url.username = role;
    url.password = password;
    const app = connect({ engine: 'postgres', url: url.toString(), poolSize: 2 });
    try {
      // It starts (nothing to migrate, no DDL attempted), reads and writes ordinary tables, and appends audit entries.
      expect(await prepareDatabase({ db: app, auditKey: t.auditKey })).toEqual([]);
      await app.transaction().execute((trx) => appendAudit(trx, t.auditKey, systemActor, { action: 'test.append', targetId: 1 }));
      await app.updateTable('organization').set({ short_name: '测试' }).where('parent_id', 'is', null).execute();
      for (const statement of [sql`update audit_log set detail = '{}'`, sql`delete from audit_log`, sql`truncate audit_log`]) {
        await expect(statement.execute(app)).rejects.toThrow(/permission denied/);
      }
      await expect(sql`create table should_not_exist (id int)`.execute(app)).rejects.toThrow(/permission denied/);
    } finally {
      await app.destroy();
      // Its grants first (DROP OWNED needs membership of the role, which CREATEROLE may grant), then the role.
      await sql`grant ${sql.id(role)} to current_user`.execute(t.db);
      await sql`drop owned by ${sql.id(role)}`.execute(t.db);
      await sql`drop role ${sql.id(role)}`.execute(t.db);
    }
  });
});
