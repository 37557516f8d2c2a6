import type { MemberRow } from '../../platform/db/schema.ts';
import { ageOn } from './resident-id.ts';
import { PARTY_STATUSES } from './member-enums.ts';
import { labelsOf, type SensitivityLabel } from '../minors/minor-label.ts';

/** 团员 as the API shows it: identity and phone numbers only ever masked here. */
export type MemberDto = {
  id: number;
  orgId: number;
  orgName: string;
  name: string;
  idType: string;
  idNumberMasked: string;
  birthDate: string;
  age: number;
  sex: string;
  ethnicity: string;
  politicalStatus: string;
  educationFullTime: string | null;
  educationHighest: string | null;
  occupation: string;
  incomeBand: string | null;
  joinedLeagueOn: string;
  developmentNumber: string | null;
  leaguePost: string | null;
  isCadre: boolean;
  cadreNature: string | null;
  phoneMasked: string | null;
  joinedPartyOn: string | null;
  volunteerRegisteredOn: string | null;
  household: string | null;
  workplace: string | null;
  status: string;
  /** 保留团籍的党员: a Party member (or probationary member) who still holds 团籍. */
  partyMemberKeepingMembership: boolean;
  /** 安全标记: MINOR_SENSITIVE while the member is younger than minors.sensitiveAge (DOMAIN §12 DB-08). */
  labels: SensitivityLabel[];
  createdAt: string;
  updatedAt: string;
};

export function toMemberDto(row: MemberRow & { org_name: string }, today: string): MemberDto {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    name: row.name,
    idType: row.id_type,
    idNumberMasked: row.id_number_masked,
    birthDate: row.birth_date,
    age: ageOn(row.birth_date, today),
    sex: row.sex,
    ethnicity: row.ethnicity,
    politicalStatus: row.political_status,
    educationFullTime: row.education_full_time,
    educationHighest: row.education_highest,
    occupation: row.occupation,
    incomeBand: row.income_band,
    joinedLeagueOn: row.joined_league_on,
    developmentNumber: row.development_number,
    leaguePost: row.league_post,
    isCadre: row.is_cadre === 1,
    cadreNature: row.cadre_nature,
    phoneMasked: row.phone_masked,
    joinedPartyOn: row.joined_party_on,
    volunteerRegisteredOn: row.volunteer_registered_on,
    household: row.household,
    workplace: row.workplace,
    status: row.status,
    partyMemberKeepingMembership: row.is_active === 1 && PARTY_STATUSES.includes(row.political_status),
    labels: labelsOf(row.birth_date, today),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the audit log digests: the record without ciphertexts or blind indexes. */
export function memberAuditSnapshot(row: MemberRow): Record<string, unknown> {
  const { id_number_enc, id_number_index, phone_enc, phone_index, ...rest } = row;
  return rest;
}
