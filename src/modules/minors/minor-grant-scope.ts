import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { scopePredicate, type DataScope } from '../../platform/scope/data-scope.ts';

/**
 * Grants whose record the scope holds today, whichever kind of record it is: the record's current
 * organization decides, not the one it had when the request was made.
 */
export function grantSubjectInScope(scope: DataScope) {
  return (eb: ExpressionBuilder<Database, 'minor_access_grant'>): Expression<SqlBool> => eb.or([
    eb.and([
      eb('minor_access_grant.subject_type', '=', 'member'),
      eb.exists(eb.selectFrom('member').select('member.id').whereRef('member.id', '=', 'minor_access_grant.subject_id')
        .where(scopePredicate<Database, 'member'>(scope, { path: 'member.org_path', orgId: 'member.org_id' }))),
    ]),
    eb.and([
      eb('minor_access_grant.subject_type', '=', 'applicant'),
      eb.exists(eb.selectFrom('applicant').select('applicant.id').whereRef('applicant.id', '=', 'minor_access_grant.subject_id')
        .where(scopePredicate<Database, 'applicant'>(scope, { path: 'applicant.org_path', orgId: 'applicant.org_id' }))),
    ]),
  ]);
}
