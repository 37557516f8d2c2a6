/** Numbers as a plan writes them: ASCII or full-width digits, Chinese numerals (一百二十, 两万) and mixed forms (1.5万). */

/** Full-width digits, ％, ． and － as ASCII, one character for one so that positions still match the original text. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９％．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** 数字 in Chinese: 十二 → 12, 一百零五 → 105, 两万 → 20000; null for strings that are names rather than numbers (十四五, 五四). */
export function chineseNumeralValue(numeral: string): number | null {
  let total = 0;
  let section = 0;
  let pending: number | null = null;
  for (const ch of numeral) {
    const digit = DIGITS[ch];
    if (digit !== undefined) {
      // Two digits in a row (十四五, 五四) only occur in names; 零 is the one that may be followed.
      if (pending !== null && pending !== 0) return null;
      pending = digit;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      // 十二 and 一百十 leave out the 一 before 十; 百 and 千 always carry a digit.
      const times = pending ?? (small === 10 ? 1 : null);
      if (times === null) return null;
      section += times * small;
      pending = null;
      continue;
    }
    const large = LARGE_UNITS[ch];
    if (large === undefined) return null;
    section += pending ?? 0;
    pending = null;
    if (section === 0 && total === 0) return null;
    total = large === 1e8 ? (total + section) * large : total + section * large;
    section = 0;
  }
  return total + section + (pending ?? 0);
}

/** A number token's value: "1,500" → 1500, "1.5万" → 15000, "二十五" → 25; null when it is not a number. */
export function numberValue(token: string): number | null {
  const ascii = /^([\d,]+(?:\.\d+)?)([百千万亿]?)$/.exec(token);
  if (!ascii) return chineseNumeralValue(token);
  const base = Number(ascii[1]!.replaceAll(',', ''));
  const times = ascii[2] ? (SMALL_UNITS[ascii[2]] ?? LARGE_UNITS[ascii[2]]!) : 1;
  return Number.isFinite(base) ? tidy(base * times) : null;
}

/** The 万/亿 a number token ends with (or 百/千 after digits, as in 3千) as a multiplier; 1 when there is none. */
export function trailingMultiplier(token: string): number {
  const last = token.at(-1) ?? '';
  const large = LARGE_UNITS[last];
  if (large !== undefined) return large;
  // In 二十 or 五百 the 十/百 is part of the numeral, not a multiplier applied to it.
  return /^\d/.test(token) ? (SMALL_UNITS[last] ?? 1) : 1;
}

/** Drops binary floating-point noise: 1.1 × 10000 is 11000, not 11000.000000000002. */
export function tidy(value: number): number {
  return Number(value.toPrecision(12));
}
