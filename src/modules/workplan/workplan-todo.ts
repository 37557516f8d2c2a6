import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { rule } from '../../platform/rules/rules.ts';
import { todayInChina } from '../../platform/time/china-date.ts';
import { monthInChina } from '../../platform/time/months.ts';

type Item = { kind: string; count: number; overdue: number; dueSoon: number; link: string };

/**
 * 工作要点 in a post's 待办, for its own organization: 督办提醒 not yet answered by a report, and
 * tasks assigned to it on this year's active plans with no report this month (the ones already
 * past their due date count as overdue, those due within the notice period as due soon).
 */
export async function workplanTodo(db: Kysely<Database>, orgId: number, now: Date): Promise<{ reminders: Item; reportsDue: Item }> {
  const month = monthInChina(now);
  const today = todayInChina(now);
  const soon = new Date(now.getTime() + rule('workplan.dueSoonDays') * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  const [reminders, due] = await Promise.all([
    db.selectFrom('plan_remark').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId).where('kind', '=', 'reminder').where('answered_at', 'is', null).executeTakeFirstOrThrow(),
    db.selectFrom('plan_assignment').innerJoin('plan_task', 'plan_task.id', 'plan_assignment.task_id').innerJoin('work_plan', 'work_plan.id', 'plan_task.plan_id')
      .select([
        (eb) => eb.fn.countAll<number>().as('n'),
        sql<number>`sum(case when coalesce(plan_task.due_on, work_plan.year || '-12-31') < ${today} then 1 else 0 end)`.as('late'),
        sql<number>`sum(case when coalesce(plan_task.due_on, work_plan.year || '-12-31') between ${today} and ${soon} then 1 else 0 end)`.as('soon'),
      ])
      .where('plan_assignment.org_id', '=', orgId).where('work_plan.status', '=', 'active').where('work_plan.year', '=', Number(month.slice(0, 4)))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('plan_report').select('plan_report.id')
        .whereRef('plan_report.task_id', '=', 'plan_assignment.task_id').whereRef('plan_report.org_id', '=', 'plan_assignment.org_id').where('plan_report.period', '=', month))))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    reminders: { kind: 'workplan_reminders', count: Number(reminders.n), overdue: Number(reminders.n), dueSoon: 0, link: '/workplan?box=reminders' },
    reportsDue: { kind: 'workplan_reports_due', count: Number(due.n), overdue: Number(due.late ?? 0), dueSoon: Number(due.soon ?? 0), link: '/workplan?box=reports_due' },
  };
}
