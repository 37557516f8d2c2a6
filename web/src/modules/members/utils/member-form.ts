import dayjs, { type Dayjs } from 'dayjs';
import type { Member, MemberInput, MemberPatch, Sex } from '../types/member';
import { derivesIdentity, RESIDENT_ID } from './id-types';
import { normalizeResidentId } from './resident-id';

export type MemberFormValues = {
  orgName: string;
  name: string;
  idType: string;
  idNumber?: string;
  /** Typed in only for a document that does not encode them. */
  birthDate?: Dayjs | null;
  sex?: Sex;
  ethnicity?: string;
  politicalStatus?: string;
  educationFullTime?: string;
  educationHighest?: string;
  occupation?: string;
  incomeBand?: string;
  joinedLeagueOn?: Dayjs | null;
  developmentNumber?: string;
  leaguePost?: string;
  isCadre: boolean;
  cadreNature?: string;
  joinedPartyOn?: Dayjs | null;
  volunteerRegisteredOn?: Dayjs | null;
  phone?: string;
  household?: string;
  workplace?: string;
};

/** Form item names are the API's field names, so that `error.fields` land on them. */
export const MEMBER_API_FIELDS = [
  'name',
  'idType',
  'idNumber',
  'birthDate',
  'sex',
  'ethnicity',
  'politicalStatus',
  'educationFullTime',
  'educationHighest',
  'occupation',
  'incomeBand',
  'joinedLeagueOn',
  'developmentNumber',
  'leaguePost',
  'isCadre',
  'cadreNature',
  'phone',
  'joinedPartyOn',
  'volunteerRegisteredOn',
  'household',
  'workplace',
] as const;

export const DATE = 'YYYY-MM-DD';
export const MONTH = 'YYYY-MM';

type Fields = Omit<MemberInput, 'orgId'>;

const text = (value: string | undefined) => value?.trim() || null;
const format = (value: Dayjs | null | undefined, pattern: string) => (value ? value.format(pattern) : null);

export function initialFormValues(orgName: string, member: Member | null): Partial<MemberFormValues> {
  if (!member) return { orgName, idType: RESIDENT_ID, isCadre: false };
  return {
    orgName,
    name: member.name,
    idType: member.idType,
    birthDate: dayjs(member.birthDate, DATE),
    sex: member.sex,
    ethnicity: member.ethnicity,
    politicalStatus: member.politicalStatus,
    educationFullTime: member.educationFullTime ?? undefined,
    educationHighest: member.educationHighest ?? undefined,
    occupation: member.occupation,
    incomeBand: member.incomeBand ?? undefined,
    joinedLeagueOn: dayjs(member.joinedLeagueOn, MONTH),
    developmentNumber: member.developmentNumber ?? undefined,
    leaguePost: member.leaguePost ?? undefined,
    isCadre: member.isCadre,
    cadreNature: member.cadreNature ?? undefined,
    joinedPartyOn: member.joinedPartyOn ? dayjs(member.joinedPartyOn, MONTH) : null,
    volunteerRegisteredOn: member.volunteerRegisteredOn ? dayjs(member.volunteerRegisteredOn, DATE) : null,
    household: member.household ?? undefined,
    workplace: member.workplace ?? undefined,
  };
}

/** The form as API fields; an empty box is null. The birth date and sex go only with a foreign ID. */
export function toFields(values: MemberFormValues): Fields {
  const typed = !derivesIdentity(values.idType);
  const idNumber = values.idNumber?.trim() ?? '';
  return {
    name: values.name.trim(),
    idType: values.idType,
    idNumber: derivesIdentity(values.idType) ? normalizeResidentId(idNumber) : idNumber.toUpperCase(),
    birthDate: typed ? format(values.birthDate, DATE) : null,
    sex: typed ? (values.sex ?? null) : null,
    ethnicity: values.ethnicity ?? '',
    politicalStatus: values.politicalStatus ?? '',
    educationFullTime: values.educationFullTime ?? null,
    educationHighest: values.educationHighest ?? null,
    occupation: values.occupation ?? '',
    incomeBand: values.incomeBand ?? null,
    joinedLeagueOn: format(values.joinedLeagueOn, MONTH) ?? '',
    developmentNumber: text(values.developmentNumber),
    leaguePost: values.leaguePost ?? null,
    isCadre: values.isCadre,
    // The server refuses a 团干部性质 on someone who is not a cadre.
    cadreNature: values.isCadre ? (values.cadreNature ?? null) : null,
    phone: text(values.phone)?.replace(/[\s-]/g, '') ?? null,
    joinedPartyOn: format(values.joinedPartyOn, MONTH),
    volunteerRegisteredOn: format(values.volunteerRegisteredOn, DATE),
    household: text(values.household),
    workplace: text(values.workplace),
  };
}

/** POST body: empty optional fields are left out rather than sent as null. */
export function toCreateInput(orgId: number, fields: Fields): MemberInput {
  const present = Object.entries(fields).filter(([, value]) => value !== null && value !== '');
  return { ...Object.fromEntries(present), orgId } as MemberInput;
}

const PLAIN_FIELDS = [
  'name',
  'ethnicity',
  'politicalStatus',
  'educationFullTime',
  'educationHighest',
  'occupation',
  'incomeBand',
  'joinedLeagueOn',
  'developmentNumber',
  'leaguePost',
  'isCadre',
  'cadreNature',
  'joinedPartyOn',
  'volunteerRegisteredOn',
  'household',
  'workplace',
] as const satisfies readonly (keyof Fields & keyof Member)[];

/**
 * Only what changed, so an edit never rewrites a field the user did not touch. The ID number and
 * phone are only ever seen masked: an empty box means "keep the stored value".
 */
export function changedFields(member: Member, fields: Fields): MemberPatch {
  const patch: Record<string, unknown> = {};
  for (const key of PLAIN_FIELDS) {
    if ((fields[key] ?? null) !== (member[key] ?? null)) patch[key] = fields[key];
  }
  if (fields.idType !== member.idType) patch.idType = fields.idType;
  if (fields.idNumber) {
    patch.idNumber = fields.idNumber;
    // A new foreign document number is checked together with its birth date and sex.
    if (!derivesIdentity(fields.idType)) {
      patch.birthDate = fields.birthDate;
      patch.sex = fields.sex;
    }
  } else if (!derivesIdentity(fields.idType)) {
    if (fields.birthDate !== member.birthDate) patch.birthDate = fields.birthDate;
    if (fields.sex !== member.sex) patch.sex = fields.sex;
  }
  if (fields.phone) patch.phone = fields.phone;
  return patch as MemberPatch;
}
