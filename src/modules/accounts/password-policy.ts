import crypto from 'node:crypto';
import type { Bilingual } from '../../platform/http/app-error.ts';
import { rule } from '../../platform/rules/rules.ts';

// The most common passwords seen in Chinese leaks and global lists; refused outright.
const COMMON = new Set([
  'password', 'password1', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'admin123', 'admin@123', 'admin1234', 'qwer1234', 'qwerty123',
  'abc12345', 'abcd1234', 'a1234567', 'aa123456', 'iloveyou', 'woaini1314', 'woaini520', '1qaz2wsx', '1q2w3e4r', 'zxcvbnm1',
  'Aa123456', 'Aa123456!', 'Abc@1234', 'Abc123456', 'P@ssw0rd', 'Admin@123', 'Qwer@1234', 'Huawei@123', 'Root@123', 'Test@123',
].map((p) => p.toLowerCase()));

/** Personal data a password may not be built from: the sign-in name, and a member's ID number and birth date. */
export type PasswordContext = { username?: string; idNumber?: string; birthDate?: string };

/** Fragments of a resident ID number and a birth date (YYYY-MM-DD) that people put in passwords. */
function personalFragments(context: PasswordContext): string[] {
  const fragments: string[] = [];
  const id = context.idNumber?.toUpperCase();
  // The ID's last six characters (its tail, as banks and the incumbent systems use it) and the
  // birth date it carries in characters 7–14.
  if (id && id.length === 18) fragments.push(id.slice(-6), id.slice(6, 14));
  if (context.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(context.birthDate)) {
    const [y, m, d] = context.birthDate.split('-') as [string, string, string];
    fragments.push(`${y}${m}${d}`, `${y.slice(2)}${m}${d}`);
  }
  return [...new Set(fragments)];
}

/** Why a password is refused, one reason per broken rule (等保 profile, DOMAIN §12 A.0, DB-01). */
export function passwordProblems(password: string, context: PasswordContext = {}): Bilingual[] {
  const problems: Bilingual[] = [];
  const min = rule('auth.passwordMinLength');
  if (password.length < min) problems.push({ zh: `长度至少${min}位`, en: `at least ${min} characters` });
  if (password.length > 128) problems.push({ zh: '长度不能超过128位', en: 'at most 128 characters' });
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  const needed = rule('auth.passwordMinClasses');
  if (classes < needed) problems.push({ zh: `需包含大写字母、小写字母、数字、符号中的至少${needed}类`, en: `use at least ${needed} of: upper case, lower case, digits, symbols` });
  if (COMMON.has(password.toLowerCase())) problems.push({ zh: '这是常见弱密码，请换一个', en: 'this is a commonly used password' });
  if (context.username && context.username.length >= 3 && password.toLowerCase().includes(context.username.toLowerCase())) {
    problems.push({ zh: '不能包含用户名', en: 'must not contain the username' });
  }
  const upper = password.toUpperCase();
  if (personalFragments(context).some((fragment) => upper.includes(fragment))) {
    problems.push({ zh: '不能包含本人身份证号码或出生日期', en: 'must not contain your ID number or date of birth' });
  }
  return problems;
}

/** A random password that satisfies the policy, for demo accounts and resets printed once. */
export function generatePassword(): string {
  const body = crypto.randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');
  return `Tw-${body}7a`;
}
