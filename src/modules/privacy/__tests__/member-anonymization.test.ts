import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PII_REGISTRY } from '../../../platform/pii/pii-registry.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { ANONYMIZED_NAME, MEMBER_ANONYMIZATION } from '../member-anonymization.ts';
import { runRetention } from '../retention-run.ts';

/** DOMAIN §12 LAW-01: a member who left the League more than privacy.memberRetentionYears ago is anonymized, audited without content. */
describe('anonymizing members past their retention', () => {
  let t: TestApp;
  const now = new Date('2026-01-15T00:00:00Z'); // five years back: 2021-01-15
  type Person = { id: number; name: string; idNumber: string; phone: string };
  let longGone: Person;
  let recentlyLeft: Person;

  /** Make a demo member one who withdrew on `at`, with a phone number, a workplace and a dues assessment. */
  async function leftOn(offset: number, at: string): Promise<Person> {
    const row = await t.db.selectFrom('member').selectAll().where('status', '=', 'normal').orderBy('id').offset(offset).limit(1).executeTakeFirstOrThrow();
    const phone = `139${String(10_000_000 + row.id).slice(-8)}`;
    await t.db.updateTable('member').set({
      status: 'withdrawn', is_active: 0, updated_at: at, phone_enc: t.cipher.encrypt(phone), phone_index: t.blindIndex.of('phone', phone), phone_masked: '139****0000',
      household: '四川省成都市武侯区某街道', workplace: '某某科技有限公司', development_number: null,
    }).where('id', '=', row.id).execute();
    await t.db.insertInto('member_status_change').values({
      member_id: row.id, org_path: row.org_path, kind: 'approve', from_status: 'withdrawn_pending', to_status: 'withdrawn', reason: `${row.name}本人申请退团`,
      actor_user_id: null, actor_username: 'zhishu_demo', post_id: null, post_label: '团支部书记', at,
    }).execute();
    return { id: row.id, name: row.name, idNumber: t.cipher.decrypt(row.id_number_enc), phone };
  }

  beforeAll(async () => {
    t = await createTestApp();
    longGone = await leftOn(0, '2020-06-30T08:00:00.000Z');
    recentlyLeft = await leftOn(1, '2024-06-30T08:00:00.000Z');
  });
  afterAll(async () => t?.close());

  it('decides every personal column of the member row (the registry and the plan agree)', () => {
    const registered = PII_REGISTRY.filter((c) => c.table === 'member').map((c) => c.column).sort();
    expect(Object.keys(MEMBER_ANONYMIZATION).sort()).toEqual(registered);
  });

  it('counts in a dry run and changes nothing', async () => {
    const report = await runRetention(t, { now, dryRun: true });
    expect(report.members).toMatchObject({ retentionYears: 5, due: 1, anonymized: 0 });
    expect((await t.db.selectFrom('member').select('name').where('id', '=', longGone.id).executeTakeFirstOrThrow()).name).toBe(longGone.name);
  });

  it('replaces the personal data of the member who left over five years ago, keeps the row, and audits it without the content', async () => {
    const report = await runRetention(t, { now });
    expect(report.members).toMatchObject({ due: 1, anonymized: 1 });
    const row = await t.db.selectFrom('member').selectAll().where('id', '=', longGone.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      name: ANONYMIZED_NAME, name_initials: '', id_number_enc: '', id_number_index: '', id_number_masked: '',
      phone_enc: null, phone_index: null, phone_masked: null, household: null, workplace: null, status: 'withdrawn', anonymized_at: now.toISOString(),
    });
    expect(row.birth_date).toMatch(/^\d{4}-01-01$/);
    // Nothing in the row is, or decrypts to, the person's name or numbers.
    const text = JSON.stringify(row);
    for (const secret of [longGone.name, longGone.idNumber, longGone.phone, longGone.idNumber.slice(-6), '某某科技']) expect(text).not.toContain(secret);
    for (const value of Object.values(row)) {
      if (typeof value === 'string' && value.length > 20) expect(() => t.cipher.decrypt(value)).toThrow();
    }
    const reasons = await t.db.selectFrom('member_status_change').select('reason').where('member_id', '=', longGone.id).execute();
    expect(reasons.map((r) => r.reason).join('')).not.toContain(longGone.name);
    // Audited, without the name or numbers.
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'privacy.anonymize').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target_type: 'member', target_id: String(longGone.id), target_label: null, actor_username: 'system' });
    for (const secret of [longGone.name, longGone.idNumber, longGone.phone]) expect(JSON.stringify(audit[0])).not.toContain(secret);
    // The one who left in 2024 keeps their record; a second run does nothing more.
    expect((await t.db.selectFrom('member').select('name').where('id', '=', recentlyLeft.id).executeTakeFirstOrThrow()).name).toBe(recentlyLeft.name);
    expect((await runRetention(t, { now })).members).toMatchObject({ due: 0, anonymized: 0 });
  });
});
