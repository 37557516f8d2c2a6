import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Database, TransferRow } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { scopePredicate, type DataScope } from '../../platform/scope/data-scope.ts';

/**
 * 限制处理 (PIPL Art. 47 ¶2, DOMAIN §12 LAW-05): the transfers of a member whose record is restricted
 * are stored only; no cadre lists, opens, counts or decides them any more.
 */
export function memberNotRestricted(eb: ExpressionBuilder<Database, 'transfer'>): Expression<SqlBool> {
  return eb.not(eb.exists(eb.selectFrom('member').select('member.id').whereRef('member.id', '=', 'transfer.member_id').where('member.restricted_at', 'is not', null)));
}

/** Paths where the scope may see a transfer: its sending or receiving organization, or the stage it waits at. */
export function visibleTransfers(db: Kysely<Database>, scope: DataScope) {
  const query = db.selectFrom('transfer');
  if (scope.kind === 'self') {
    // 仅本人: the person's own transfers, restricted or not.
    return query.where('transfer.member_id', '=', (eb) => eb.selectFrom('app_user').select('app_user.member_id').where('app_user.id', '=', scope.userId ?? -1));
  }
  return query.where(memberNotRestricted).where((eb) => eb.or([
    scopePredicate<Database, 'transfer'>(scope, { path: 'transfer.from_org_path', orgId: 'transfer.from_org_id' })(eb),
    // A transfer out of the province has no receiving side and a closed one no stage: NULL compares as not true.
    scopePredicate<Database, 'transfer'>(scope, { path: 'transfer.to_org_path', orgId: 'transfer.to_org_id' })(eb),
    scopePredicate<Database, 'transfer'>(scope, { path: 'transfer.stage_org_path', orgId: 'transfer.stage_org_id' })(eb),
  ]));
}

export async function requireVisibleTransfer(db: Kysely<Database>, scope: DataScope, id: number): Promise<TransferRow> {
  const row = await visibleTransfers(db, scope).selectAll('transfer').where('transfer.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export function parseStages(row: Pick<TransferRow, 'stages'>): string[] {
  return JSON.parse(row.stages) as string[];
}
