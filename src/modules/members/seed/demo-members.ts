import type { Kysely } from 'kysely';
import type { Database, NewMemberRow } from '../../../platform/db/schema.ts';
import type { BlindIndex } from '../../../platform/pii/blind-index.ts';
import type { FieldCipher } from '../../../platform/pii/field-cipher.ts';
import { maskPhone } from '../../../platform/pii/mask.ts';
import { todayInChina, yearsBefore } from '../../../platform/time/china-date.ts';
import { personName, type SeededRandom } from '../../org/seed/synthetic-grassroots.ts';
import { pinyinInitials } from '../../org/pinyin-initials.ts';
import { makeResidentId, maskResidentId } from '../resident-id.ts';

/** A branch to fill with synthetic members. */
export type DemoBranch = { id: number; path: string; industryCategory: string; regionCode: string };

type Profile = { minAge: number; maxAge: number; occupation: string; education: string; educationHighest: string };

function profileOf(industry: string): Profile {
  switch (industry) {
    case 'senior_high':
      return { minAge: 16, maxAge: 18, occupation: 'student', education: 'senior_high_in_progress', educationHighest: 'senior_high_in_progress' };
    case 'private_enterprise':
      return { minAge: 20, maxAge: 29, occupation: 'private_enterprise_employee', education: 'bachelor', educationHighest: 'bachelor' };
    default:
      return { minAge: 18, maxAge: 29, occupation: 'freelancer', education: 'junior_college', educationHighest: 'bachelor' };
  }
}

// 凉山 (5134xx) is home to most of Sichuan's Yi people; 阿坝/甘孜 (5132xx, 5133xx) to Tibetans and Qiang.
function ethnicityFor(regionCode: string, random: SeededRandom): string {
  if (regionCode.startsWith('5134')) return random.next() < 0.5 ? '07' : '01';
  if (regionCode.startsWith('5132') || regionCode.startsWith('5133')) return random.pick(['04', '04', '01', '31']);
  return random.next() < 0.95 ? '01' : random.pick(['03', '07', '04', '06']);
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function startOffset(key: string, span: number): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) >>> 0;
  return hash % Math.max(1, span);
}

/** Everything a synthetic member needs that does not change from one member to the next. */
export type SynthesisContext = {
  cipher: FieldCipher;
  blindIndex: BlindIndex;
  today: string;
  now: string;
  /** Hands out resident-ID sequence numbers so that no two synthetic people share a number. */
  sequences: SequenceAllocator;
};

/**
 * 顺序码 per region, birth date and sex, counted upwards from `first` (odd for men, even for
 * women, as GB 11643 has it). Separate generators use separate ranges, so their people never collide.
 */
export class SequenceAllocator {
  readonly #next = new Map<string, number>();
  constructor(private readonly first: number, private readonly last: number) {}

  take(regionCode: string, birthDate: string, sex: 'male' | 'female'): number {
    const key = `${regionCode}${birthDate}${sex}`;
    // Start each key somewhere in the first half of its range, so numbers do not all read 00x.
    const k = this.#next.get(key) ?? startOffset(key, Math.floor((this.last - this.first) / 4));
    const sequence = this.first + 2 * k + (sex === 'male' ? 1 : 0);
    if (sequence > this.last) throw new Error(`no resident-ID sequence left for ${regionCode} ${birthDate}`);
    this.#next.set(key, k + 1);
    return sequence;
  }
}

/**
 * One realistic synthetic member of a branch: a valid resident ID on the branch's county code, an
 * age that fits the branch (students, young workers, a few about to turn 28), a 团员编号 for joins
 * since 2017, encrypted numbers. `serial` makes the 团员编号 unique; `indexInBranch` 0 is the secretary.
 */
export function synthesizeMember(context: SynthesisContext, branch: DemoBranch, random: SeededRandom, serial: number, indexInBranch: number): NewMemberRow {
  const { cipher, blindIndex, today, now, sequences } = context;
  const thisYear = Number(today.slice(0, 4));
  const profile = profileOf(branch.industryCategory);
  const sex = random.next() < 0.5 ? 'male' : 'female';
  const age = random.int(profile.minAge, profile.maxAge);
  const latestBirth = yearsBefore(today, age);
  const birthYear = Number(latestBirth.slice(0, 4)) - (random.next() < 0.5 ? 1 : 0);
  const birthDate = isoDate(birthYear, random.int(1, 12), random.int(1, 28));
  const idNumber = makeResidentId(branch.regionCode, birthDate, sequences.take(branch.regionCode, birthDate, sex), sex);
  // Joining from 15 in April to June is never under the 14-year minimum, and never this year.
  const joinYear = Math.min(thisYear - 1, birthYear + random.int(15, 17));
  const joinedLeagueOn = `${joinYear}-${String(random.int(4, 6)).padStart(2, '0')}`;
  const phone = `1${random.pick(['38', '39', '58', '59', '80', '87', '88', '36', '99'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
  const name = personName(random);
  const secretary = indexInBranch === 0;
  return {
    org_id: branch.id,
    org_path: branch.path,
    name,
    name_initials: pinyinInitials(name),
    id_type: 'resident',
    id_number_enc: cipher.encrypt(idNumber),
    id_number_index: blindIndex.of('resident_id', idNumber),
    id_number_masked: maskResidentId(idNumber),
    birth_date: birthDate,
    sex,
    ethnicity: ethnicityFor(branch.regionCode, random),
    political_status: age >= 22 && random.next() < 0.15 ? 'party_member' : 'league_member',
    education_full_time: profile.education,
    education_highest: profile.educationHighest,
    occupation: profile.occupation,
    income_band: profile.occupation === 'student' ? null : random.pick(['below_2000', 'from_2000_to_5000', 'from_2000_to_5000', 'from_5000_to_8000']),
    joined_league_on: joinedLeagueOn,
    // 12 digits: the join year, then 8 digits unique per member (DOMAIN §1.3 leaves the rest opaque).
    development_number: joinYear >= 2017 ? `${joinYear}${String(serial % 100_000_000).padStart(8, '0')}` : null,
    league_post: secretary ? 'secretary' : indexInBranch === 1 ? 'organization_member' : null,
    is_cadre: secretary ? 1 : 0,
    cadre_nature: secretary ? 'part_time' : null,
    phone_enc: cipher.encrypt(phone),
    phone_index: blindIndex.of('phone', phone),
    phone_masked: maskPhone(phone),
    joined_party_on: null,
    volunteer_registered_on: random.next() < 0.6 ? isoDate(thisYear - random.int(1, 3), random.int(1, 12), random.int(1, 28)) : null,
    household: null,
    workplace: null,
    status: 'normal',
    is_active: 1,
    created_at: now,
    updated_at: now,
  };
}

/** The demo's members: 8 to 22 per branch. Returns how many were written. */
export async function writeDemoMembers(
  trx: Kysely<Database>,
  deps: { cipher: FieldCipher; blindIndex: BlindIndex },
  branches: DemoBranch[],
  random: SeededRandom,
): Promise<number> {
  // The demo takes sequences 0–499; the province-scale generator 500–999.
  const context: SynthesisContext = { ...deps, today: todayInChina(), now: new Date().toISOString(), sequences: new SequenceAllocator(0, 499) };
  const rows: NewMemberRow[] = [];
  for (const branch of branches) {
    const count = random.int(8, 22);
    for (let i = 0; i < count; i++) rows.push(synthesizeMember(context, branch, random, 51_000_000 + rows.length + 1, i));
  }
  for (let i = 0; i < rows.length; i += 200) await trx.insertInto('member').values(rows.slice(i, i + 200)).execute();
  return rows.length;
}
