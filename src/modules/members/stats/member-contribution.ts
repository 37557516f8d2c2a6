import { fieldOfIndustry } from '../../org/org-enums.ts';

/** What one member adds to the counters of every organization above it (dimension → bucket → count). */
export type Contribution = Map<string, number>;

/** The member fields the counters depend on. */
export type CountedMember = {
  status: string; is_active: number; is_cadre: number; sex: string; birth_date: string; ethnicity: string;
  dues_monthly_fen: number | null; dues_paid_through: string | null;
};

/** The counter bucket of members whose dues were never assessed. */
export const DUES_UNASSESSED = 'unassessed';

export const statKey = (dimension: string, bucket: string) => `${dimension}\u0000${bucket}`;

/**
 * Every member counts once in its status; members holding 团籍 also count in the totals and in
 * sex, birth year, 民族, the field of their branch and the month their dues are paid through.
 * Birth years and paid-through months (not ages or months owed) are stored so that counters stay
 * true as time passes; ages and arrears are derived when read.
 */
export function contributionOf(member: CountedMember, branchIndustry: string): Contribution {
  const out: Contribution = new Map([[statKey('status', member.status), 1]]);
  if (member.is_active !== 1) return out;
  out.set(statKey('total', 'active'), 1);
  if (member.is_cadre === 1) out.set(statKey('total', 'cadre'), 1);
  out.set(statKey('sex', member.sex), 1);
  out.set(statKey('birth_year', member.birth_date.slice(0, 4)), 1);
  out.set(statKey('ethnicity', member.ethnicity), 1);
  out.set(statKey('field', fieldOfIndustry(branchIndustry)), 1);
  out.set(statKey('dues_through', member.dues_monthly_fen === null ? DUES_UNASSESSED : (member.dues_paid_through ?? DUES_UNASSESSED)), 1);
  return out;
}

/** after − before, without the zeros. */
export function difference(before: Contribution | null, after: Contribution | null): Contribution {
  const out: Contribution = new Map();
  for (const [key, n] of after ?? []) out.set(key, (out.get(key) ?? 0) + n);
  for (const [key, n] of before ?? []) out.set(key, (out.get(key) ?? 0) - n);
  for (const [key, n] of out) if (n === 0) out.delete(key);
  return out;
}

