import type { Sex } from '../types/member';

/**
 * 居民身份证号码 (GB 11643): 6-digit region code, 8-digit birth date, 3-digit sequence (odd = male)
 * and an ISO 7064 MOD 11-2 check character. Checked here for instant feedback only: the server has
 * the final word and its own messages.
 */
export type ResidentIdProblem =
  | { code: 'wrongLength'; length: number }
  | { code: 'badCharacters' }
  | { code: 'unknownProvince'; province: string }
  | { code: 'invalidBirthDate' }
  | { code: 'birthDateInFuture' }
  | { code: 'wrongCheckDigit'; expected: string };

export type ResidentIdCheck =
  | { ok: true; number: string; birthDate: string; sex: Sex }
  | { ok: false; problem: ResidentIdProblem };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const PROVINCES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(' '),
);

/** Full-width digits and a lower-case x, as Chinese input methods type them, become ASCII. */
export function normalizeResidentId(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

function todayInChina(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function checkResidentId(raw: string): ResidentIdCheck {
  const number = normalizeResidentId(raw);
  if (!/^\d*X?$/.test(number)) return { ok: false, problem: { code: 'badCharacters' } };
  if (number.length !== 18) return { ok: false, problem: { code: 'wrongLength', length: number.length } };

  const province = number.slice(0, 2);
  if (!PROVINCES.has(province)) return { ok: false, problem: { code: 'unknownProvince', province } };

  const [year, month, day] = [number.slice(6, 10), number.slice(10, 12), number.slice(12, 14)];
  const birthDate = `${year}-${month}-${day}`;
  const date = new Date(`${birthDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birthDate || year < '1900') {
    return { ok: false, problem: { code: 'invalidBirthDate' } };
  }
  if (birthDate > todayInChina()) return { ok: false, problem: { code: 'birthDateInFuture' } };

  const expected = checkChar(number.slice(0, 17));
  if (number[17] !== expected) return { ok: false, problem: { code: 'wrongCheckDigit', expected } };

  return { ok: true, number, birthDate, sex: Number(number[16]) % 2 === 1 ? 'male' : 'female' };
}

/** 周岁 on today's date in China, as the server counts it: a 29 February birthday falls on 28 February. */
export function ageFromBirthDate(birthDate: string): number {
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
  const birthday = birthDate.slice(5) === '02-29' && !leap ? '02-28' : birthDate.slice(5);
  const years = year - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthday ? years : years - 1;
}
