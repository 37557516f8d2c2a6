/**
 * The one masking rule for phone numbers: keep the first 3 and last 4 characters
 * (138****5678), so that two masked copies can never be stitched into the whole number.
 */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
