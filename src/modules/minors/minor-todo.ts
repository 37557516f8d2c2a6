import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { rule } from '../../platform/rules/rules.ts';
import type { DataScope } from '../../platform/scope/data-scope.ts';
import { grantSubjectInScope } from './minor-grant-scope.ts';

type Item = { kind: string; count: number; overdue: number; dueSoon: number; link: string };

/**
 * 待办 of a post that may approve: requests to open minors' records in its scope, not its own.
 * A request waiting longer than a grant would last is counted late: the task it serves is stalled.
 */
export async function minorApprovalTodo(db: Kysely<Database>, scope: DataScope, now: Date): Promise<Item> {
  const late = new Date(now.getTime() - rule('minors.grantHours') * 3_600_000).toISOString();
  const row = await db.selectFrom('minor_access_grant')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>(eb.case().when('minor_access_grant.requested_at', '<', late).then(1).else(0).end()).as('late')])
    .where('minor_access_grant.status', '=', 'pending')
    .where('minor_access_grant.requester_user_id', '!=', scope.userId ?? -1)
    .where(grantSubjectInScope(scope))
    .executeTakeFirstOrThrow();
  return { kind: 'minor_access_approvals', count: Number(row.n ?? 0), overdue: Number(row.late ?? 0), dueSoon: 0, link: '/minor-access?box=pending' };
}
