/**
 * The platform's one masking rule per kind of number (DOMAIN §12 DB-17, §13 B7). Every list,
 * detail, export and masked copy in the database goes through these two functions, so two screens
 * or files can never show different fragments of the same number that could be stitched together.
 */

/**
 * 证件号码: only the first and the last character (3****************X). The birth date is shown
 * beside it in lists, so keeping more (say the first 3 and last 4) would leave only three digits of
 * the region code unknown, and the check character narrows those further.
 */
export function maskIdNumber(number: string): string {
  if (number.length <= 7) return '*'.repeat(number.length);
  return `${number.slice(0, 1)}${'*'.repeat(number.length - 2)}${number.slice(-1)}`;
}

/** 手机号码: the first 3 and last 4 digits (138****5678). */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
