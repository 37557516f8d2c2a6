/**
 * Column names that look like personal information (DOMAIN §12 DB-17): the registry meta-test
 * requires every live column matching one of these to be declared in PII_REGISTRY or, after
 * review, in NOT_PERSONAL. Widen it when a new kind of personal column appears.
 */
export const PERSONAL_COLUMN_NAMES: readonly string[] = [
  'name', 'member_name', 'contact_name', 'display_name', 'username',
  'birth_date', 'sex', 'ethnicity', 'political_status', 'id_type',
  'household', 'workplace', 'occupation', 'income_band', 'income_fen',
  'ip', 'source_ip', 'password_hash', 'outside_destination', 'destination_kind',
  'evidence', 'objections',
];

export const PERSONAL_COLUMN_PATTERNS: readonly RegExp[] = [
  /_enc$/, // encrypted
  /_index$/, // blind index
  /_masked$/, // masked copy
  /^id_number/, /^phone/, /_phone/, /^address/, /_address/, /^birth/,
  /_name$/, // contact_name, member_name, …
  /_username$/, /_by$/, // who did it
  /_ip$/,
];

export function looksPersonal(column: string): boolean {
  return PERSONAL_COLUMN_NAMES.includes(column) || PERSONAL_COLUMN_PATTERNS.some((p) => p.test(column));
}
