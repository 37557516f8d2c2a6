import { rule } from '../../platform/rules/rules.ts';
import { yearsBefore } from '../../platform/time/china-date.ts';

/** 安全标记 (DOMAIN §12 DB-08): 未成年人敏感信息, on the record of someone younger than `minors.sensitiveAge`. */
export const MINOR_SENSITIVE = 'MINOR_SENSITIVE' as const;
export type SensitivityLabel = typeof MINOR_SENSITIVE;

/**
 * The earliest birth date that still carries the label on `today`: a record is labelled when its
 * birth date lies after this day. The age is taken at the time of access, so a record loses the
 * label on the subject's birthday; lists, gates and the yearly report share this one cut-off.
 */
export function minorBirthCutoff(today: string): string {
  return yearsBefore(today, rule('minors.sensitiveAge'));
}

/** True when the subject born on `birthDate` is younger than the label age on `today`. */
export function isMinorSensitive(birthDate: string, today: string): boolean {
  return birthDate > minorBirthCutoff(today);
}

/** The sensitivity labels of a record, as DTOs carry them. */
export function labelsOf(birthDate: string, today: string): SensitivityLabel[] {
  return isMinorSensitive(birthDate, today) ? [MINOR_SENSITIVE] : [];
}
