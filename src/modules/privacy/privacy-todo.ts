import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { scopePredicate, type DataScope } from '../../platform/scope/data-scope.ts';
import { todayInChina } from '../../platform/time/china-date.ts';
import { addWorkingDays } from './working-days.ts';

/**
 * 待办 · 个人信息申请: open correction, deletion and restriction requests of members in the post's scope;
 * late past their due date, nearly late within three working days of it.
 */
export async function subjectRequestTodo(db: Kysely<Database>, scope: DataScope, now: Date) {
  const today = todayInChina(now);
  const soon = addWorkingDays(today, 3);
  // Scoped by the member's branch now, like the request list (a request follows a transfer).
  const r = await db.selectFrom('subject_request')
    .innerJoin('member', 'member.id', 'subject_request.member_id')
    .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`sum(case when subject_request.due_on < ${today} then 1 else 0 end)`.as('late'), sql<number>`sum(case when subject_request.due_on >= ${today} and subject_request.due_on <= ${soon} then 1 else 0 end)`.as('soon')])
    .where('subject_request.status', '=', 'open')
    .where(scopePredicate<Database, 'member'>(scope, { path: 'member.org_path', orgId: 'member.org_id' }))
    .executeTakeFirstOrThrow();
  return { kind: 'subject_requests', count: Number(r.n ?? 0), overdue: Number(r.late ?? 0), dueSoon: Number(r.soon ?? 0), link: '/subject-requests' };
}
