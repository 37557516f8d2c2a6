import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { requireMinorAccess, type MinorAccessKind } from '../minors/minor-access-gate.ts';
import { requireMemberInScope, type ScopedMemberRow } from './member.repository.ts';

/**
 * One member's record for a route that shows or changes it: in scope (else 404), and for a record
 * labelled 未成年人敏感信息 only under the caller's approval grant, logged with it (DOMAIN §12
 * LAW-09, DB-08). Every route that answers with the record or its history goes through here, so an
 * edit or a status change cannot serve as a way round the gate on the detail.
 */
export async function requireMemberRecordAccess(
  trx: Kysely<Database>,
  ctx: Pick<ServiceContext, 'scope' | 'auditKey' | 'actor'>,
  id: number,
  kind: MinorAccessKind,
  now: Date = new Date(),
): Promise<ScopedMemberRow> {
  const row = await requireMemberInScope(trx, ctx.scope, id);
  await requireMinorAccess(trx, ctx, { type: 'member', id, birthDate: row.birth_date, orgPath: row.org_path, label: row.name }, kind, now);
  return row;
}
