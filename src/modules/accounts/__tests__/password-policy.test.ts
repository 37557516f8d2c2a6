import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../members/resident-id.ts';
import { verifyPassword } from '../password-hash.ts';
import { passwordProblems } from '../password-policy.ts';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../../../test/helpers/test-app.ts';

const first17 = '51010719990815123';
const idNumber = first17 + residentIdCheckChar(first17);
const member = { username: 'li_ming', idNumber, birthDate: '1999-08-15' };

describe('password policy, 等保 profile (DOMAIN §12 DB-01, A.0)', () => {
  it.each([
    ['12345678', 'digits only'],
    ['abcdefgh', 'one character class'],
    ['Abc12', 'too short'],
    ['P@ssw0rd', 'a common password'],
    ['Li_ming#2026', 'the username'],
    [`Tw#${idNumber.slice(-6)}a`, 'the ID number\'s tail'],
    ['Tw#19990815a', 'the birth date'],
    ['Tw#990815ab', 'the birth date, short year'],
    [`x${idNumber}A!`, 'the whole ID number'],
  ])('refuses %s (%s)', (password) => {
    expect(passwordProblems(password, member).length).toBeGreaterThan(0);
  });

  it('names the personal-data rule when that is the only one broken', () => {
    expect(passwordProblems(`Tw#${idNumber.slice(-6)}a`, member)).toEqual([{ zh: '不能包含本人身份证号码或出生日期', en: 'must not contain your ID number or date of birth' }]);
  });

  it('accepts a compliant password', () => {
    expect(passwordProblems('Qing#Nian2026', member)).toEqual([]);
  });
});

describe('a member\'s own account and its password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  async function ownRecord() {
    const row = await t.db
      .selectFrom('app_user')
      .innerJoin('member', 'member.id', 'app_user.member_id')
      .select(['member.id_number_enc', 'member.birth_date', 'app_user.password_hash'])
      .where('app_user.username', '=', 'tuanyuan_demo')
      .executeTakeFirstOrThrow();
    return { idNumber: t.cipher.decrypt(row.id_number_enc), birthDate: row.birth_date, hash: row.password_hash };
  }

  it('refuses a new password made of the member\'s own ID tail, and changes nothing', async () => {
    const client = await t.login('tuanyuan_demo');
    const { idNumber: own } = await ownRecord();
    const before = (await ownRecord()).hash;
    const refused = await client.post('/api/auth/change-password', { currentPassword: DEMO_PASSWORD, newPassword: `Tw#${own.slice(-6)}a` });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields[0]).toMatchObject({ field: 'newPassword', message: '不能包含本人身份证号码或出生日期' });
    expect((await ownRecord()).hash).toBe(before);
  });

  it('seeds no account whose password is derived from its member\'s ID number or birth date', async () => {
    const accounts = await t.db
      .selectFrom('app_user')
      .innerJoin('member', 'member.id', 'app_user.member_id')
      .select(['member.id_number_enc', 'member.birth_date', 'app_user.password_hash'])
      .execute();
    expect(accounts.length).toBeGreaterThan(0);
    for (const account of accounts) {
      const id = t.cipher.decrypt(account.id_number_enc);
      const compact = account.birth_date.replaceAll('-', '');
      for (const derived of [id, id.slice(-6), id.slice(-8), compact, compact.slice(2), `${id.slice(-6)}`]) {
        expect(await verifyPassword(derived, account.password_hash)).toBe(false);
      }
    }
  });
});
