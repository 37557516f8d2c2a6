import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PII_REGISTRY } from '../../../platform/pii/pii-registry.ts';
import { todayInChina } from '../../../platform/time/china-date.ts';
import { createTestApp, type Client, type TestApp } from '../../../../test/helpers/test-app.ts';
import { makeResidentId } from '../../members/resident-id.ts';
import { APPLICANT_ANONYMIZATION, applicantsDueForAnonymization } from '../applicant-anonymization.ts';
import { ANONYMIZED_NAME } from '../member-anonymization.ts';
import { runRetention } from '../retention-run.ts';

/** A date `days` after `date`. */
const plus = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** DOMAIN §12 LAW-01: an application stopped more than privacy.stoppedApplicantRetentionYears ago is anonymized, audited without content. */
describe('anonymizing stopped applications past their retention', () => {
  let t: TestApp;
  let secretary: Client;
  let branchId: number;
  const now = new Date('2026-01-15T00:00:00Z'); // two years back: 2024-01-15
  const appliedOn = plus(todayInChina(), -30);
  type Person = { id: number; name: string; idNumber: string; phone: string };
  let sequence = 300;
  let longStopped: Person; // stopped in 2023: due
  let stoppedNoStep: Person; // stopped with no stop step, last updated in 2022: due by updated_at
  let recentlyStopped: Person; // stopped in 2025: kept
  let inProgress: Person; // never stopped: kept
  let admitted: Person; // admitted: kept with the member record

  async function apply(name: string): Promise<Person> {
    sequence++;
    const idNumber = makeResidentId('510107', '2008-06-01', sequence, 'female');
    const phone = `139${String(20_000_000 + sequence).slice(-8)}`;
    const created = await secretary.post('/api/admission/applicants', {
      orgId: branchId, name, idType: 'resident', idNumber, phone, ethnicity: '01', occupation: 'student', household: '四川省成都市武侯区某街道',
      source: 'points', score: 88, appliedOn,
    });
    expect(created.statusCode, created.body).toBe(200);
    return { id: created.json().id, name, idNumber, phone };
  }
  async function stop(person: Person, at: string): Promise<void> {
    const stopped = await secretary.post(`/api/admission/applicants/${person.id}/stop`, { reason: `${person.name}本人转学，申请终止` });
    expect(stopped.statusCode, stopped.body).toBe(200);
    await t.db.updateTable('applicant_step').set({ at }).where('applicant_id', '=', person.id).where('action', '=', 'stop').execute();
    await t.db.updateTable('applicant').set({ updated_at: at }).where('id', '=', person.id).execute();
  }
  const applicant = (person: Person) => t.db.selectFrom('applicant').selectAll().where('id', '=', person.id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp();
    secretary = await t.login('zhishu_demo');
    const me = (await secretary.get('/api/auth/me')).json();
    branchId = me.posts.find((p: { id: number }) => p.id === me.currentPostId).orgId;

    longStopped = await apply('林晓雨');
    // A notice with an objection naming her, and a report in the facts, before the stop.
    const notice = await secretary.post(`/api/admission/applicants/${longStopped.id}/notices`, {
      kind: 'activist', startOn: plus(appliedOn, 1), endOn: plus(appliedOn, 5), objections: '群众反映林晓雨在校期间曾受处分，已核实并答复', objectionsResolved: true,
    });
    expect(notice.statusCode, notice.body).toBe(200);
    const facts = JSON.parse((await applicant(longStopped)).facts) as Record<string, unknown>;
    await t.db.updateTable('applicant').set({ facts: JSON.stringify({ ...facts, activistOn: plus(appliedOn, 8), observationReport: '林晓雨思想积极', contactMemberIds: [1, 2] }) })
      .where('id', '=', longStopped.id).execute();
    await stop(longStopped, '2023-06-30T08:00:00.000Z');
    // A request to see her record (she is a minor): the approver's list names her.
    const requester = await t.db.selectFrom('app_user').select(['id', 'username']).where('username', '=', 'zhishu_demo').executeTakeFirstOrThrow();
    const row = await applicant(longStopped);
    await t.db.insertInto('minor_access_grant').values({
      subject_type: 'applicant', subject_id: row.id, subject_label: row.name, org_id: row.org_id, org_path: row.org_path,
      requester_user_id: requester.id, requester_username: requester.username, requester_post_label: null, reason: '核对申请材料', purpose: '团员发展',
      requested_hours: 24, requested_at: '2023-05-01T00:00:00.000Z', status: 'refused', decided_by_user_id: null, decided_by_username: null,
      decision_comment: null, decided_at: null, expires_at: null, revoked_by_username: null, revoked_at: null, revoke_reason: null,
    }).execute();

    stoppedNoStep = await apply('周若溪');
    await t.db.updateTable('applicant').set({ status: 'stopped', is_open: 0, updated_at: '2022-03-01T00:00:00.000Z' }).where('id', '=', stoppedNoStep.id).execute();

    recentlyStopped = await apply('陈思远');
    await stop(recentlyStopped, '2025-06-30T08:00:00.000Z');

    inProgress = await apply('王子涵');
    await t.db.updateTable('applicant').set({ updated_at: '2020-01-01T00:00:00.000Z' }).where('id', '=', inProgress.id).execute();

    admitted = await apply('李明轩');
    const member = await t.db.selectFrom('member').select('id').where('status', '=', 'normal').orderBy('id').executeTakeFirstOrThrow();
    await t.db.updateTable('applicant').set({ status: 'admitted', is_open: 0, member_id: member.id, step: 9, updated_at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', admitted.id).execute();
  });
  afterAll(async () => t?.close());

  it('decides every personal column of the applicant row (the registry and the plan agree)', () => {
    const registered = PII_REGISTRY.filter((c) => c.table === 'applicant').map((c) => c.column).sort();
    expect(Object.keys(APPLICANT_ANONYMIZATION).sort()).toEqual(registered);
  });

  it('finds the applications stopped before the cutoff, by the stop step or else the last update', async () => {
    const { cutoff, applicants } = await applicantsDueForAnonymization(t.db, now);
    expect(cutoff).toBe('2024-01-15T00:00:00.000Z');
    expect(applicants.map((a) => a.id)).toEqual([longStopped.id, stoppedNoStep.id]);
    expect(applicants[0]!.stoppedAt).toBe('2023-06-30T08:00:00.000Z');
    expect(applicants[1]!.stoppedAt).toBe('2022-03-01T00:00:00.000Z');
  });

  it('counts in a dry run and changes nothing', async () => {
    const before = await t.db.selectFrom('applicant').selectAll().orderBy('id').execute();
    const report = await runRetention(t, { now, dryRun: true });
    expect(report.applicants).toMatchObject({ retentionYears: 2, cutoff: '2024-01-15T00:00:00.000Z', due: 2, anonymized: 0 });
    expect(await t.db.selectFrom('applicant').selectAll().orderBy('id').execute()).toEqual(before);
    expect(await t.db.selectFrom('audit_log').select('id').where('action', '=', 'privacy.anonymize').execute()).toHaveLength(0);
  });

  it('replaces the personal data of the applications stopped over two years ago, and audits them without the content', async () => {
    const report = await runRetention(t, { now });
    expect(report.applicants).toMatchObject({ due: 2, anonymized: 2 });

    const row = await applicant(longStopped);
    expect(row).toMatchObject({
      name: ANONYMIZED_NAME, id_type: 'resident', id_number_enc: '', id_number_index: '', id_number_masked: '', birth_date: '2008-01-01', sex: 'female',
      phone_enc: null, phone_masked: null, score: null, development_number: null, status: 'stopped', is_open: 0, anonymized_at: now.toISOString(),
    });
    expect(JSON.parse(row.profile)).toEqual({ ethnicity: '01', occupation: 'student', educationFullTime: null, household: null });
    expect(JSON.parse(row.facts)).toEqual({ appliedOn, activistOn: plus(appliedOn, 8) });
    // Nothing in the row, its steps or its notices is, or decrypts to, the person's name or numbers.
    const steps = await t.db.selectFrom('applicant_step').selectAll().where('applicant_id', '=', longStopped.id).execute();
    expect(steps.map((s) => s.action)).toEqual(['complete', 'stop']);
    expect(steps.every((s) => s.detail === '{}')).toBe(true);
    const notices = await t.db.selectFrom('admission_notice').selectAll().where('applicant_id', '=', longStopped.id).execute();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.objections).toBeNull();
    const grant = await t.db.selectFrom('minor_access_grant').select('subject_label').where('subject_type', '=', 'applicant').where('subject_id', '=', longStopped.id).executeTakeFirstOrThrow();
    expect(grant.subject_label).toBe(ANONYMIZED_NAME);
    const text = JSON.stringify([row, steps, notices]);
    for (const secret of [longStopped.name, longStopped.idNumber, longStopped.phone, longStopped.idNumber.slice(-6), '某街道', '思想积极', '转学']) expect(text).not.toContain(secret);
    for (const value of Object.values(row)) {
      if (typeof value === 'string' && value.length > 20) expect(() => t.cipher.decrypt(value)).toThrow();
    }
    expect((await applicant(stoppedNoStep))).toMatchObject({ name: ANONYMIZED_NAME, id_number_index: '', anonymized_at: now.toISOString() });

    // Audited, one entry each, without the name or numbers.
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'privacy.anonymize').orderBy('seq').execute();
    expect(audit.map((a) => [a.target_type, a.target_id, a.target_label, a.actor_username])).toEqual([
      ['applicant', String(longStopped.id), null, 'system'], ['applicant', String(stoppedNoStep.id), null, 'system'],
    ]);
    for (const secret of [longStopped.name, longStopped.idNumber, longStopped.phone, stoppedNoStep.name, stoppedNoStep.idNumber]) expect(JSON.stringify(audit)).not.toContain(secret);

    // The one stopped in 2025, the one in progress and the admitted one keep their records.
    for (const person of [recentlyStopped, inProgress, admitted]) {
      const kept = await applicant(person);
      expect(kept).toMatchObject({ name: person.name, id_number_index: t.blindIndex.of('resident_id', person.idNumber), anonymized_at: null });
      expect(t.cipher.decrypt(kept.phone_enc!)).toBe(person.phone);
    }
    const recentStop = await t.db.selectFrom('applicant_step').select('detail').where('applicant_id', '=', recentlyStopped.id).where('action', '=', 'stop').executeTakeFirstOrThrow();
    expect(recentStop.detail).toContain(recentlyStopped.name);

    // A second run does nothing more.
    expect((await runRetention(t, { now })).applicants).toMatchObject({ due: 0, anonymized: 0 });
  });

  it('lets the person apply again: the anonymized row no longer matches the duplicate check', async () => {
    const index = t.blindIndex.of('resident_id', longStopped.idNumber);
    expect(await t.db.selectFrom('applicant').select('id').where('id_number_index', '=', index).execute()).toEqual([]);
    const again = await secretary.post('/api/admission/applicants', {
      orgId: branchId, name: longStopped.name, idType: 'resident', idNumber: longStopped.idNumber, ethnicity: '01', occupation: 'student', source: 'points', score: 90, appliedOn,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect((await t.db.selectFrom('applicant').select('id').where('id_number_index', '=', index).execute()).map((r) => r.id)).toEqual([again.json().id]);
  });
});
