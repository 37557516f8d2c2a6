/**
 * 居民身份证号码 (GB 11643-1999, 公民身份号码): 6-digit 行政区划代码 (GB/T 2260), 8-digit 出生日期码
 * YYYYMMDD, 3-digit 顺序码 (odd = male, even = female) and one 校验码 by ISO 7064 MOD 11-2.
 */

/** A checked 18-digit number and what it encodes. */
export type ResidentId = {
  /** Normalized: trimmed, full-width characters folded to ASCII, lower-case x upper-cased. */
  number: string;
  /** 行政区划代码 at the time of issue (the first 6 digits); it need not be a current code. */
  regionCode: string;
  /** 出生日期, YYYY-MM-DD. */
  birthDate: string;
  sex: 'male' | 'female';
};

export type ResidentIdProblemCode =
  | 'wrong_length'
  | 'bad_characters'
  | 'unknown_province'
  | 'invalid_birth_date'
  | 'birth_date_in_future'
  | 'birth_date_before_1900'
  | 'wrong_check_digit';

export type ResidentIdProblem = { code: ResidentIdProblemCode; zh: string; en: string };

export type ResidentIdResult = { ok: true; value: ResidentId } | { ok: false; problems: ResidentIdProblem[] };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * 省级行政区划代码 (GB/T 2260): 11–15 华北, 21–23 东北, 31–37 华东, 41–46 中南, 50–54 西南,
 * 61–65 西北, 71 台湾, 81 香港, 82 澳门. (港澳台居民居住证 use 81/82/83 but are not 居民身份证.)
 */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

const EARLIEST_BIRTH_DATE = '1900-01-01';

/** The 校验码 for the first 17 digits (ISO 7064 MOD 11-2). */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('residentIdCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Today's date in China (UTC+8), YYYY-MM-DD: a birth date is a date in the holder's time zone. */
function todayInChina(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function normalize(raw: string): string {
  // NFKC folds full-width digits and Ｘ (common with Chinese input methods) to ASCII.
  return raw.normalize('NFKC').trim().replace(/x$/, 'X');
}

/**
 * Checks an 18-digit 居民身份证号码. Length and characters are checked first; when they fail nothing
 * else can be read from the number. Otherwise every remaining problem is reported at once.
 * `today` (YYYY-MM-DD) defaults to the current date in China.
 */
export function parseResidentId(raw: string, today: string = todayInChina()): ResidentIdResult {
  const number = normalize(raw);
  const problems: ResidentIdProblem[] = [];
  const length = [...number].length;

  if (length !== 18) {
    problems.push({
      code: 'wrong_length',
      zh:
        length === 15
          ? '身份证号码应为18位，现为15位（15位为旧版号码，已停用）；请填写18位居民身份证号码'
          : `身份证号码应为18位，现为${length}位；请核对后重新填写`,
      en:
        length === 15
          ? 'The ID number must have 18 characters; 15 were given (the old 15-digit numbers are no longer valid). Enter the 18-digit number.'
          : `The ID number must have 18 characters; ${length} were given. Check the number and enter it again.`,
    });
  }
  if (!/^\d*X?$/.test(number)) {
    problems.push({
      code: 'bad_characters',
      zh: '身份证号码只能由数字组成，仅最后一位可以是X；请去掉空格、字母或其他符号后重新填写',
      en: 'The ID number may contain only digits, and only its last character may be X. Remove spaces, letters and other symbols and enter it again.',
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  const regionCode = number.slice(0, 6);
  const province = number.slice(0, 2);
  if (!PROVINCE_CODES.has(province)) {
    problems.push({
      code: 'unknown_province',
      zh: `身份证号码前两位“${province}”不是有效的省级行政区划代码；请核对前6位地址码`,
      en: `The first two digits "${province}" are not a province code. Check the 6-digit region code at the start.`,
    });
  }

  const year = Number(number.slice(6, 10));
  const month = Number(number.slice(10, 12));
  const day = Number(number.slice(12, 14));
  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
  if (!isRealDate(year, month, day)) {
    problems.push({
      code: 'invalid_birth_date',
      zh: `身份证号码第7至14位“${number.slice(6, 14)}”不是有效的出生日期；请核对出生年月日`,
      en: `Characters 7–14 "${number.slice(6, 14)}" are not a real date of birth. Check the year, month and day.`,
    });
  } else if (birthDate > today) {
    problems.push({
      code: 'birth_date_in_future',
      zh: `身份证号码中的出生日期${birthDate}晚于今天（${today}）；请核对出生年月日`,
      en: `The date of birth in the ID number, ${birthDate}, is after today (${today}). Check the year, month and day.`,
    });
  } else if (birthDate < EARLIEST_BIRTH_DATE) {
    problems.push({
      code: 'birth_date_before_1900',
      zh: `身份证号码中的出生日期${birthDate}早于1900年1月1日；请核对出生年份`,
      en: `The date of birth in the ID number, ${birthDate}, is before 1 January 1900. Check the year of birth.`,
    });
  }

  const expected = residentIdCheckChar(number.slice(0, 17));
  const given = number[17]!;
  if (given !== expected) {
    problems.push({
      code: 'wrong_check_digit',
      zh: `身份证号码校验位不符：按前17位计算，最后一位应为“${expected}”，现为“${given}”；请逐位核对号码`,
      en: `The check character does not match: from the first 17 digits the last character should be "${expected}", not "${given}". Check the number digit by digit.`,
    });
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { number, regionCode, birthDate, sex: Number(number[16]) % 2 === 1 ? 'male' : 'female' } };
}

/**
 * 周岁: age in whole years on `date` (both YYYY-MM-DD); the age goes up on the birthday itself.
 * Choice: someone born on 29 February has the birthday on 28 February in a common year (the last day
 * of February, the same rule as nextElectionDue in org/election-due.ts), not on 1 March. So such a
 * member reaches 28 (满28周岁离团) one day earlier than under the 1-March reading.
 */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastDayThisYear = new Date(Date.UTC(y, bm, 0)).getUTCDate();
  const birthdayDay = Math.min(bd, lastDayThisYear);
  const hadBirthday = m > bm || (m === bm && d >= birthdayDay);
  return y - by - (hadBirthday ? 0 : 1);
}

/** The platform's one masking rule for identity numbers (kept under this name for the members module). */
export { maskIdNumber as maskResidentId } from '../../platform/pii/mask.ts';

/**
 * Builds a valid number for synthetic data: region code, birth date (YYYY-MM-DD), 顺序码 0..999
 * (its last digit is moved to the nearest digit of the right parity for `sex`, staying within 0..999)
 * and the computed check character.
 */
export function makeResidentId(regionCode: string, birthDate: string, sequence: number, sex: 'male' | 'female'): string {
  if (!/^\d{6}$/.test(regionCode)) throw new Error(`region code must be 6 digits: ${regionCode}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) throw new Error(`birth date must be YYYY-MM-DD: ${birthDate}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) throw new Error(`sequence must be 0..999: ${sequence}`);
  const wantOdd = sex === 'male';
  let seq = sequence;
  if ((seq % 2 === 1) !== wantOdd) seq = seq === 999 ? 998 : seq + 1;
  const first17 = `${regionCode}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}
