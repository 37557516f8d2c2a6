import { sql } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { rule } from '../../platform/rules/rules.ts';
import { scopePredicate } from '../../platform/scope/data-scope.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { todayInChina, yearsBefore } from '../../platform/time/china-date.ts';
import { monthInChina } from '../../platform/time/months.ts';
import type { Permission } from '../accounts/permissions.ts';
import { EXIT_KINDS, pendingOf } from '../members/status-machine.ts';
import { lapseThreshold } from '../dues/dues-standing.ts';
import { workplanTodo } from '../workplan/workplan-todo.ts';
import { minorApprovalTodo } from '../minors/minor-todo.ts';
import { subjectRequestTodo } from '../privacy/privacy-todo.ts';
import { memberNotRestricted } from '../transfers/transfer.repository.ts';

/** One kind of work waiting for the post: how many, how many late or nearly late, and where to do it. */
export type TodoItem = { kind: string; count: number; overdue: number; dueSoon: number; link: string };

/**
 * 待办: what waits for the signed-in post, each kind only when the post may act on it — transfers
 * at its organizations (late after the response time; near its end within a quarter of it),
 * returned transfers it applied for, exits to approve, admission steps for the committee above,
 * evaluations to approve, members owing dues long enough for the 自行脱团 warning, and transfers
 * about to expire. Counts only; each links to the page that lists them.
 */
export async function postTodo(ctx: Pick<ServiceContext, 'db' | 'scope'>, permissions: ReadonlySet<Permission | string>, now = new Date()): Promise<TodoItem[]> {
  const { db, scope } = ctx;
  const items: Promise<TodoItem | null>[] = [];
  const above = scope.postOrgPath ?? '';
  const belowPost = (column: string) => sql<boolean>`${sql.ref(column)} like ${`${above}%`} and ${sql.ref(column)} != ${above}`;
  const count = (n: unknown) => Number(n ?? 0);

  if (permissions.has('transfer.approve')) {
    const hours = rule('transfer.responseHours');
    const late = new Date(now.getTime() - hours * 3_600_000).toISOString();
    const soon = new Date(now.getTime() - hours * 0.75 * 3_600_000).toISOString();
    items.push(db.selectFrom('transfer')
      .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`sum(case when stage_since < ${late} then 1 else 0 end)`.as('late'), sql<number>`sum(case when stage_since >= ${late} and stage_since < ${soon} then 1 else 0 end)`.as('soon')])
      .where('status', 'in', ['pending', 'appealed'])
      .where(scopePredicate<Database, 'transfer'>(scope, { path: 'transfer.stage_org_path', orgId: 'transfer.stage_org_id' }))
      .where(memberNotRestricted)
      .executeTakeFirstOrThrow()
      .then((r) => ({ kind: 'transfer_decisions', count: count(r.n), overdue: count(r.late), dueSoon: count(r.soon), link: '/transfers?box=todo' })));
  }
  if (permissions.has('transfer.apply')) {
    const expiresSoon = new Date(now.getTime() + 7 * 86_400_000).toISOString();
    items.push(db.selectFrom('transfer')
      .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`sum(case when expires_at < ${expiresSoon} then 1 else 0 end)`.as('soon')])
      .where('status', '=', 'returned')
      .where(scopePredicate<Database, 'transfer'>(scope, { path: 'transfer.from_org_path', orgId: 'transfer.from_org_id' }))
      .where(memberNotRestricted)
      .executeTakeFirstOrThrow()
      .then((r) => ({ kind: 'transfers_returned', count: count(r.n), overdue: 0, dueSoon: count(r.soon), link: '/transfers?box=outgoing&status=returned' })));
  }
  if (permissions.has('member.approve') && above) {
    items.push(db.selectFrom('member').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', EXIT_KINDS.map(pendingOf)).where(belowPost('member.org_path'))
      .executeTakeFirstOrThrow()
      .then((r) => ({ kind: 'exit_approvals', count: count(r.n), overdue: 0, dueSoon: 0, link: '/members?worklist=pending_approval' })));
  }
  if (permissions.has('admission.approve') && above) {
    // Pre-review waits after step 6; approval after step 8 (its notice may still be running).
    items.push(db.selectFrom('applicant').select([sql<number>`sum(case when step = 6 then 1 else 0 end)`.as('pre'), sql<number>`sum(case when step = 8 then 1 else 0 end)`.as('approve')])
      .where('is_open', '=', 1).where(belowPost('applicant.org_path'))
      .executeTakeFirstOrThrow()
      .then((r) => ({ kind: 'admission_decisions', count: count(r.pre) + count(r.approve), overdue: 0, dueSoon: 0, link: '/admission?waiting=decision' })));
  }
  if (permissions.has('evaluation.approve') && above) {
    items.push(db.selectFrom('evaluation_cycle').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'submitted').where(belowPost('evaluation_cycle.org_path'))
      .executeTakeFirstOrThrow()
      .then((r) => ({ kind: 'evaluation_approvals', count: count(r.n), overdue: 0, dueSoon: 0, link: '/evaluations?status=submitted' })));
  }
  if (permissions.has('dues.read')) {
    items.push(db.selectFrom('member').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('is_active', '=', 1).where('dues_monthly_fen', 'is not', null).where('dues_paid_through', '<=', lapseThreshold(monthInChina(now)))
      .where(scopePredicate<Database, 'member'>(scope, { path: 'member.org_path', orgId: 'member.org_id' }))
      .executeTakeFirstOrThrow()
      .then((r) => ({ kind: 'dues_lapse_warnings', count: count(r.n), overdue: count(r.n), dueSoon: 0, link: '/dues?kind=lapse' })));
  }
  if (permissions.has('member.status')) {
    items.push(db.selectFrom('member').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'normal').where('birth_date', '<=', yearsBefore(todayInChina(now), rule('membership.maxAge')))
      .where(scopePredicate<Database, 'member'>(scope, { path: 'member.org_path', orgId: 'member.org_id' }))
      .executeTakeFirstOrThrow()
      .then((r) => ({ kind: 'age_out', count: count(r.n), overdue: 0, dueSoon: 0, link: '/members?worklist=age_out' })));
  }
  if (permissions.has('subject.handle')) items.push(subjectRequestTodo(db, scope, now));
  if (permissions.has('minor.approve')) items.push(minorApprovalTodo(db, scope, now));
  if (permissions.has('workplan.report') && scope.orgId !== null) {
    const workplan = workplanTodo(db, scope.orgId, now);
    items.push(workplan.then((w) => w.reminders), workplan.then((w) => w.reportsDue));
  }
  return (await Promise.all(items)).filter((i): i is TodoItem => i !== null);
}

