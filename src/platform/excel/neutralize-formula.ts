/**
 * Spreadsheet formula injection guard (OWASP ASVS 1.2.10): a text cell that starts with a
 * character Excel treats as a formula gets a leading apostrophe, so it stays text.
 */
export function neutralizeFormula<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r\0]/.test(value) ? `'${value}` : value;
}
