import type { OrganizationRow } from '../../platform/db/schema.ts';
import type { FieldCipher } from '../../platform/pii/field-cipher.ts';
import { maskPhone } from '../../platform/pii/mask.ts';
import { isElectionOverdue, nextElectionDue } from './election-due.ts';
import { regionFullName } from './region.ts';

/** 团组织 as the API shows it. The contact phone is always masked here. */
export type OrgDto = {
  id: number;
  parentId: number | null;
  path: string;
  depth: number;
  name: string;
  shortName: string | null;
  type: string;
  kind: string;
  industryCategory: string;
  regionCode: string | null;
  regionName: string | null;
  foundedOn: string | null;
  lastElectionOn: string | null;
  termYears: number | null;
  nextElectionDue: string | null;
  electionOverdue: boolean;
  contactName: string | null;
  contactPhoneMasked: string | null;
  status: string;
  deactivatedAt: string | null;
  deactivationReason: string | null;
  childCount: number;
  createdAt: string;
  updatedAt: string;
};

export function toOrgDto(row: OrganizationRow, cipher: FieldCipher): OrgDto {
  const due = nextElectionDue(row.last_election_on, row.term_years);
  return {
    id: row.id,
    parentId: row.parent_id,
    path: row.path,
    depth: row.depth,
    name: row.name,
    shortName: row.short_name,
    type: row.type,
    kind: row.kind,
    industryCategory: row.industry_category,
    regionCode: row.region_code,
    regionName: row.region_code ? regionFullName(row.region_code) : null,
    foundedOn: row.founded_on,
    lastElectionOn: row.last_election_on,
    termYears: row.term_years,
    nextElectionDue: due,
    electionOverdue: row.status === 'active' && isElectionOverdue(due),
    contactName: row.contact_name,
    contactPhoneMasked: row.contact_phone_enc ? maskPhone(cipher.decrypt(row.contact_phone_enc)) : null,
    status: row.status,
    deactivatedAt: row.deactivated_at,
    deactivationReason: row.deactivation_reason,
    childCount: row.child_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the audit log digests for before/after: the row without ciphertext noise. */
export function auditSnapshot(row: OrganizationRow): Record<string, unknown> {
  const { contact_phone_enc, ...rest } = row;
  return { ...rest, contact_phone_set: contact_phone_enc !== null };
}
