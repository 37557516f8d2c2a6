import type { Kysely } from 'kysely';
import type { ApplicantRow, Database } from '../../platform/db/schema.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { requireMinorAccess, type MinorAccessKind } from '../minors/minor-access-gate.ts';
import { requireApplicant } from './applicant.repository.ts';

/**
 * One applicant's record for a route that shows or changes it: in scope (else 404), and for an
 * applicant younger than minors.sensitiveAge only under the caller's approval grant, logged with it
 * (DOMAIN §12 LAW-09, DB-08), as for a member's record.
 */
export async function requireApplicantRecordAccess(
  trx: Kysely<Database>,
  ctx: Pick<ServiceContext, 'scope' | 'auditKey' | 'actor'>,
  id: number,
  kind: MinorAccessKind,
  now: Date = new Date(),
): Promise<ApplicantRow> {
  const row = await requireApplicant(trx, ctx.scope, id);
  await requireMinorAccess(trx, ctx, { type: 'applicant', id, birthDate: row.birth_date, orgPath: row.org_path, label: row.name }, kind, now);
  return row;
}
