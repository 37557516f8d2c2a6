import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { DataScope } from '../../platform/scope/data-scope.ts';
import { requireApplicant } from '../admission/applicant.repository.ts';
import { requireMemberInScope } from '../members/member.repository.ts';

/** The kinds of record that carry 未成年人敏感信息: a member's, and an applicant's (入团申请人). */
export const MINOR_SUBJECT_TYPES = ['member', 'applicant'] as const;
export type MinorSubjectType = (typeof MINOR_SUBJECT_TYPES)[number];

/** A record a grant is asked for: whose it is, where it is now, and the birth date its label follows. */
export type MinorSubject = {
  type: MinorSubjectType;
  id: number;
  name: string;
  orgId: number;
  orgPath: string;
  orgName: string;
  birthDate: string;
};

/**
 * The record in the caller's scope (else 404), whatever its kind: a request, a decision and a
 * revocation all follow the record's current organization, so a record that moves out of a scope
 * takes its grants with it.
 */
export async function requireMinorSubject(db: Kysely<Database>, scope: DataScope, type: MinorSubjectType, id: number): Promise<MinorSubject> {
  if (type === 'member') {
    const member = await requireMemberInScope(db, scope, id);
    return { type, id, name: member.name, orgId: member.org_id, orgPath: member.org_path, orgName: member.org_name, birthDate: member.birth_date };
  }
  const applicant = await requireApplicant(db, scope, id);
  const org = await db.selectFrom('organization').select('name').where('id', '=', applicant.org_id).executeTakeFirstOrThrow();
  return { type, id, name: applicant.name, orgId: applicant.org_id, orgPath: applicant.org_path, orgName: org.name, birthDate: applicant.birth_date };
}

/** The subject type a stored grant names, checked (the column is text). */
export function subjectTypeOf(value: string): MinorSubjectType {
  if ((MINOR_SUBJECT_TYPES as readonly string[]).includes(value)) return value as MinorSubjectType;
  throw new Error(`unknown minor subject type ${value}`);
}
