import type { NewMemberRow } from '../../platform/db/schema.ts';
import type { BlindIndex } from '../../platform/pii/blind-index.ts';
import type { FieldCipher } from '../../platform/pii/field-cipher.ts';
import { maskPhone } from '../../platform/pii/mask.ts';
import { pinyinInitials } from '../org/pinyin-initials.ts';
import type { CheckedIdentity, MemberFields } from './member-input.ts';
import { maskResidentId } from './resident-id.ts';

/** Checked fields of a new member: the required ones are present. */
export type NewMemberFields = MemberFields & Required<Pick<MemberFields, 'name' | 'ethnicity' | 'politicalStatus' | 'occupation' | 'joinedLeagueOn'>>;

/**
 * The stored form of a new member in normal standing: numbers encrypted, blind-indexed and
 * masked, the name's pinyin initials. The one place that turns checked input into a row.
 */
export function newMemberRow(
  keys: { cipher: FieldCipher; blindIndex: BlindIndex },
  branch: { id: number; path: string },
  fields: NewMemberFields,
  identity: CheckedIdentity,
  now: string,
): NewMemberRow {
  return {
    org_id: branch.id,
    org_path: branch.path,
    name: fields.name,
    name_initials: pinyinInitials(fields.name),
    id_type: identity.idType,
    id_number_enc: keys.cipher.encrypt(identity.idNumber),
    id_number_index: keys.blindIndex.of('resident_id', identity.idNumber),
    id_number_masked: maskResidentId(identity.idNumber),
    birth_date: identity.birthDate,
    sex: identity.sex,
    ethnicity: fields.ethnicity,
    political_status: fields.politicalStatus,
    education_full_time: fields.educationFullTime ?? null,
    education_highest: fields.educationHighest ?? null,
    occupation: fields.occupation,
    income_band: fields.incomeBand ?? null,
    joined_league_on: fields.joinedLeagueOn,
    development_number: fields.developmentNumber || null,
    league_post: fields.leaguePost ?? null,
    is_cadre: fields.isCadre ? 1 : 0,
    cadre_nature: fields.cadreNature ?? null,
    phone_enc: fields.phone ? keys.cipher.encrypt(fields.phone) : null,
    phone_index: fields.phone ? keys.blindIndex.of('phone', fields.phone) : null,
    phone_masked: fields.phone ? maskPhone(fields.phone) : null,
    joined_party_on: fields.joinedPartyOn ?? null,
    volunteer_registered_on: fields.volunteerRegisteredOn ?? null,
    household: fields.household?.trim() || null,
    workplace: fields.workplace?.trim() || null,
    status: 'normal',
    is_active: 1,
    created_at: now,
    updated_at: now,
  };
}
