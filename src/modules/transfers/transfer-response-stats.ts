import { sql } from 'kysely';
import { rule } from '../../platform/rules/rules.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { orgWithChildren } from '../org/org-with-children.ts';

/** How quickly the organizations of one subtree answered transfers. */
export type ResponseRow = {
  orgId: number;
  name: string;
  /** Decisions taken (approve, return, appeal decisions). */
  decided: number;
  /** …of which within the response time. */
  onTime: number;
  /** Transfers waiting at an organization of the subtree for longer than the response time now. */
  overdueOpen: number;
  /** onTime ÷ (decided + overdueOpen), 0–1; null when there was nothing to answer. */
  rate: number | null;
};

/**
 * 48小时及时响应率 per organization: the organization's subtree and one row per direct child.
 * Waiting transfers already past the limit count as late, so that not answering never looks better
 * than answering late.
 */
export async function transferResponseStats(ctx: Pick<ServiceContext, 'db' | 'scope'>, orgId: number | undefined, now = new Date()): Promise<{ hours: number; org: ResponseRow; children: ResponseRow[] }> {
  const { org, children } = await orgWithChildren(ctx.db, ctx.scope, orgId);
  const hours = rule('transfer.responseHours');
  const limitMinutes = hours * 60;
  const lateSince = new Date(now.getTime() - hours * 3_600_000).toISOString();
  const rowOf = async (o: { id: number; name: string; path: string }): Promise<ResponseRow> => {
    const prefix = `${o.path}%`;
    const [decisions, overdue] = await Promise.all([
      ctx.db.selectFrom('transfer_event')
        .select([(eb) => eb.fn.countAll<number>().as('decided'), sql<number>`sum(case when response_minutes <= ${limitMinutes} then 1 else 0 end)`.as('on_time')])
        .where('stage_org_path', 'like', prefix).where('response_minutes', 'is not', null).executeTakeFirstOrThrow(),
      ctx.db.selectFrom('transfer').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('stage_org_path', 'like', prefix).where('status', 'in', ['pending', 'appealed']).where('stage_since', '<', lateSince).executeTakeFirstOrThrow(),
    ]);
    const decided = Number(decisions.decided);
    const onTime = Number(decisions.on_time ?? 0);
    const overdueOpen = Number(overdue.n);
    return { orgId: o.id, name: o.name, decided, onTime, overdueOpen, rate: decided + overdueOpen > 0 ? onTime / (decided + overdueOpen) : null };
  };
  const [own, ...rows] = await Promise.all([rowOf(org), ...children.map(rowOf)]);
  return { hours, org: own!, children: rows };
}
