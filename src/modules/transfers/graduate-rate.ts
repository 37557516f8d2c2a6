import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { rule } from '../../platform/rules/rules.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { orgWithChildren } from '../org/org-with-children.ts';

/** Graduates of a year below one organization and how many are placed. */
export type GraduateRateRow = {
  orgId: number;
  name: string;
  graduates: number;
  /** Placed: transferred, or kept at the school as the rules allow. */
  settled: number;
  /** …of which kept at the school (studying abroad, not yet employed). */
  retained: number;
  /** With a transfer under way. */
  inTransfer: number;
  /** settled ÷ graduates, 0–1 (null without graduates). */
  rate: number | null;
  meetsTarget: boolean | null;
};

/**
 * 毕业生团员组织关系转接率 for a graduation year: the organization and one row per direct child,
 * against the target in the rules table (90%). Read live from the batches.
 */
export async function graduateRate(ctx: Pick<ServiceContext, 'db' | 'scope'>, orgId: number | undefined, year: number): Promise<{ year: number; targetPercent: number; org: GraduateRateRow; children: GraduateRateRow[] }> {
  const { org, children } = await orgWithChildren(ctx.db, ctx.scope, orgId);
  const target = rule('transfer.graduateRateTargetPercent');
  const rowOf = (o: { id: number; name: string; path: string }) => graduateRateOf(ctx.db, o, year);
  const [own, ...rows] = await Promise.all([rowOf(org), ...children.map(rowOf)]);
  return { year, targetPercent: target, org: own!, children: rows };
}

const RETAINED_KINDS = ['abroad', 'unemployed'];

/** One organization's graduates of a year (its whole subtree) and how many are placed. */
export async function graduateRateOf(db: Kysely<Database>, o: { id: number; name: string; path: string }, year: number): Promise<GraduateRateRow> {
  const target = rule('transfer.graduateRateTargetPercent');
  const counts = await db.selectFrom('graduate_batch_member')
    .select([
      (eb) => eb.fn.countAll<number>().as('graduates'),
      sql<number>`sum(settled)`.as('settled'),
      sql<number>`sum(case when settled = 1 and destination_kind in (${sql.join(RETAINED_KINDS)}) then 1 else 0 end)`.as('retained'),
      sql<number>`sum(case when settled = 0 and transfer_id is not null then 1 else 0 end)`.as('in_transfer'),
    ])
    .where('school_org_path', 'like', `${o.path}%`).where('year', '=', year).executeTakeFirstOrThrow();
  const graduates = Number(counts.graduates);
  const settled = Number(counts.settled ?? 0);
  const rate = graduates > 0 ? settled / graduates : null;
  return {
    orgId: o.id, name: o.name, graduates, settled, retained: Number(counts.retained ?? 0), inTransfer: Number(counts.in_transfer ?? 0),
    rate, meetsTarget: rate === null ? null : rate * 100 >= target,
  };
}
