import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/helpers/test-app.ts';
import { todayInChina } from '../../../platform/time/china-date.ts';
import { xlsxText } from '../../exports/__tests__/xlsx-text.ts';
import { makeResidentId } from '../../members/resident-id.ts';
import { buildNoticeWorkbook, PUBLIC_NOTICE_COLUMNS, type PublicNoticeEntry } from '../admission-notices.ts';

const ID_PATTERN = /\d{17}[\dX]/;
const PHONE_PATTERN = /1[3-9]\d{9}/;
/** What 教育部 banned from 公示 (DOMAIN §13 B7), under the names the records use. */
const FORBIDDEN_FIELDS = ['idNumber', 'idNumberMasked', 'phone', 'phoneMasked', 'birthDate', 'household', 'address', 'age', 'sex'];

describe('公示 template (DOMAIN §13 B7)', () => {
  it('has a whitelist of columns that holds no ID, phone, birth date or address', () => {
    expect(PUBLIC_NOTICE_COLUMNS.map((c) => c.key)).toEqual(['name', 'orgName']);
    for (const column of PUBLIC_NOTICE_COLUMNS) expect(FORBIDDEN_FIELDS).not.toContain(column.key);
  });

  it('writes nothing but names and organizations, even when it is handed whole records', async () => {
    const birthDate = '2008-06-01';
    const idNumber = makeResidentId('510107', birthDate, 123, 'female');
    const record = { name: '王小芳', orgName: '四川大学化学学院2024级本科生团支部', idNumber, idNumberMasked: '5****************3', phone: '13912345678', birthDate, household: '四川省成都市武侯区' };
    const file = await buildNoticeWorkbook({ kind: 'activist', orgName: '四川大学化学学院2024级本科生团支部', startOn: '2026-03-01', endOn: '2026-03-05', entries: [record as PublicNoticeEntry] });
    const text = xlsxText(file);
    expect(text).toContain('王小芳');
    expect(text).toContain('入团积极分子人选公示');
    expect(text).not.toMatch(ID_PATTERN);
    expect(text).not.toMatch(PHONE_PATTERN);
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain(birthDate);
    expect(text).not.toContain('20080601');
    expect(text).not.toContain('5****************3');
    expect(text).not.toContain('武侯区');
  });
});

describe('公示 download', () => {
  let t: TestApp;
  let secretary: Client;
  let branchId: number;

  beforeAll(async () => {
    t = await createTestApp();
    secretary = await t.login('zhishu_demo');
    const me = (await secretary.get('/api/auth/me')).json();
    branchId = me.posts.find((p: { id: number }) => p.id === me.currentPostId).orgId;
  });
  afterAll(async () => t?.close());

  it('prints the batch of a notice with names and the branch only, audited', async () => {
    const today = todayInChina();
    const endOn = new Date(Date.parse(`${today}T00:00:00Z`) + 4 * 86_400_000).toISOString().slice(0, 10);
    const people = [{ name: '赵一', seq: 201, birth: '2008-03-02' }, { name: '钱二', seq: 202, birth: '2008-04-03' }];
    let noticeId = 0;
    for (const p of people) {
      const created = await secretary.post('/api/admission/applicants', {
        orgId: branchId, name: p.name, idType: 'resident', idNumber: makeResidentId('510107', p.birth, p.seq, 'male'), phone: `1390000${p.seq}0`,
        ethnicity: '01', occupation: 'student', source: 'points', score: 88, appliedOn: today,
      });
      expect(created.statusCode, created.body).toBe(200);
      const notice = await secretary.post(`/api/admission/applicants/${created.json().id}/notices`, { kind: 'activist', startOn: today, endOn });
      expect(notice.statusCode, notice.body).toBe(200);
      noticeId = notice.json().notices.at(-1).id;
    }
    const response = await secretary.get(`/api/admission/notices/${noticeId}/publication.xlsx`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const text = xlsxText(response.rawPayload);
    for (const p of people) {
      expect(text).toContain(p.name);
      expect(text).not.toContain(p.birth);
    }
    expect(text).not.toMatch(ID_PATTERN);
    expect(text).not.toMatch(PHONE_PATTERN);
    const branch = await t.db.selectFrom('organization').select('name').where('id', '=', branchId).executeTakeFirstOrThrow();
    expect(text).toContain(branch.name);
    const audit = await t.db.selectFrom('audit_log').select('detail').where('action', '=', 'admission.notice_print').execute();
    expect(audit.map((a) => JSON.parse(a.detail!))).toEqual([{ kind: 'activist', rows: 2 }]);
    // The committee above prints it too; a post without admission.read cannot.
    expect((await (await t.login('chengdu_admin')).get(`/api/admission/notices/${noticeId}/publication.xlsx`)).statusCode).toBe(200);
    const auditor = await t.login('shenji_admin');
    expect((await auditor.get(`/api/admission/notices/${noticeId}/publication.xlsx`)).statusCode).toBe(403);
  });
});
