import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/helpers/test-app.ts';
import { xlsxText } from '../../../modules/exports/__tests__/xlsx-text.ts';
import { makeResidentId } from '../../../modules/members/resident-id.ts';
import { todayInChina } from '../../time/china-date.ts';
import { remaskIdNumbers } from '../../db/migrations/0017-export-controls.ts';
import { maskIdNumber, maskPhone } from '../mask.ts';

/** The one masked form of each kind (DOMAIN §12 DB-17). */
const MASKED_ID = /^\d\*{16}[\dX]$/;
const MASKED_PHONE = /^1\d{2}\*{4}\d{4}$/;

describe('one masking rule per kind of number (DOMAIN §12 DB-17, §13 B7)', () => {
  let t: TestApp;
  let county: Client;
  let secretary: Client;
  let branchId: number;

  beforeAll(async () => {
    t = await createTestApp();
    county = await t.login('wuhou_admin');
    secretary = await t.login('zhishu_demo');
    const me = (await secretary.get('/api/auth/me')).json();
    branchId = me.posts.find((p: { id: number }) => p.id === me.currentPostId).orgId;
  });
  afterAll(async () => t?.close());

  it('masks an ID to its first and last character and a phone to 3 + 4 digits', () => {
    expect(maskIdNumber('51010719900101123X')).toBe('5****************X');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('shows the same masked form in the member list, detail, export, applicant and organization answers', async () => {
    const memberId = makeResidentId('510107', '2004-07-15', 321, 'female');
    const phone = '13912345678';
    const created = await county.post('/api/members', {
      orgId: branchId, name: '掩码测试', idType: 'resident', idNumber: memberId, phone,
      ethnicity: '01', politicalStatus: 'league_member', occupation: 'student', joinedLeagueOn: '2019-05',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const shown = new Set<string>();
    const phones = new Set<string>();
    const list = (await county.get(`/api/members?q=${encodeURIComponent('掩码测试')}`)).json().items[0];
    const detail = (await county.get(`/api/members/${id}`)).json();
    for (const dto of [created.json(), list, detail]) {
      shown.add(dto.idNumberMasked);
      phones.add(dto.phoneMasked);
    }
    const exported = xlsxText((await county.get(`/api/members/export.xlsx?q=${encodeURIComponent('掩码测试')}`)).rawPayload);
    expect(exported).toContain(maskIdNumber(memberId));
    expect(exported).toContain(maskPhone(phone)!);

    const applicantId = makeResidentId('510107', '2009-02-03', 77, 'male');
    const applicant = await secretary.post('/api/admission/applicants', {
      orgId: branchId, name: '申请掩码', idType: 'resident', idNumber: applicantId, phone: '13700001111',
      ethnicity: '01', occupation: 'student', source: 'points', score: 80, appliedOn: todayInChina(),
    });
    expect(applicant.statusCode, applicant.body).toBe(200);
    const applicants = (await secretary.get('/api/admission/applicants')).json();
    const listed = (applicants.items ?? applicants).find((a: { id: number }) => a.id === applicant.json().id);

    const org = await county.patch(`/api/orgs/${branchId}`, { contactPhone: '13655556666' });
    expect(org.statusCode, org.body).toBe(200);

    expect([...shown]).toEqual([maskIdNumber(memberId)]);
    expect([...phones]).toEqual([maskPhone(phone)]);
    expect(applicant.json().idNumberMasked).toBe(maskIdNumber(applicantId));
    expect(listed.idNumberMasked).toBe(maskIdNumber(applicantId));
    expect(applicant.json().phoneMasked).toBe('137****1111');
    expect(org.json().contactPhoneMasked).toBe('136****6666');
    for (const value of [...shown, listed.idNumberMasked]) expect(value).toMatch(MASKED_ID);
    for (const value of [...phones, applicant.json().phoneMasked, org.json().contactPhoneMasked]) expect(value).toMatch(MASKED_PHONE);
  });

  it('keeps every stored masked copy in the one form, and migration 0017 rewrites copies of the old form', async () => {
    const members = await t.db.selectFrom('member').select(['id', 'id_number_masked', 'phone_masked']).orderBy('id').execute();
    expect(members.length).toBeGreaterThan(100);
    for (const m of members) {
      expect(m.id_number_masked).toMatch(MASKED_ID);
      if (m.phone_masked !== null) expect(m.phone_masked).toMatch(MASKED_PHONE);
    }
    const target = members[0]!;
    // The rule before 0017 kept the first 3 and last 4 characters.
    await t.db.updateTable('member').set({ id_number_masked: '510***********123X' }).where('id', '=', target.id).execute();
    await remaskIdNumbers(t.db);
    const after = await t.db.selectFrom('member').select('id_number_masked').where('id', '=', target.id).executeTakeFirstOrThrow();
    expect(after.id_number_masked).toBe('5****************X');
    const others = await t.db.selectFrom('member').select(['id', 'id_number_masked']).where('id', '!=', target.id).orderBy('id').execute();
    expect(others).toEqual(members.filter((m) => m.id !== target.id).map(({ id, id_number_masked }) => ({ id, id_number_masked })));
  });
});
