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
 * Decisions come from the counters kept per subtree; waiting transfers already past the limit are
 * counted live and count as late, so that not answering never looks better than answering late.
 */
export async function transferResponseStats(ctx: Pick<ServiceContext, 'db' | 'scope'>, orgId: number | undefined, now = new Date()): Promise<{ hours: number; org: ResponseRow; children: ResponseRow[] }> {
  const { org, children } = await orgWithChildren(ctx.db, ctx.scope, orgId);
  const hours = rule('transfer.responseHours');
  const lateSince = new Date(now.getTime() - hours * 3_600_000).toISOString();
  const counters = new Map((await ctx.db.selectFrom('transfer_response_stat').select(['org_id', 'decided', 'on_time'])
    .where('org_id', 'in', [org.id, ...children.map((c) => c.id)]).execute()).map((r) => [r.org_id, r]));
  const rowOf = async (o: { id: number; name: string; path: string }): Promise<ResponseRow> => {
    const overdue = await ctx.db.selectFrom('transfer').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('stage_org_path', 'like', `${o.path}%`).where('status', 'in', ['pending', 'appealed']).where('stage_since', '<', lateSince).executeTakeFirstOrThrow();
    const decided = Number(counters.get(o.id)?.decided ?? 0);
    const onTime = Number(counters.get(o.id)?.on_time ?? 0);
    const overdueOpen = Number(overdue.n);
    return { orgId: o.id, name: o.name, decided, onTime, overdueOpen, rate: decided + overdueOpen > 0 ? onTime / (decided + overdueOpen) : null };
  };
  const [own, ...rows] = await Promise.all([rowOf(org), ...children.map(rowOf)]);
  return { hours, org: own!, children: rows };
}
