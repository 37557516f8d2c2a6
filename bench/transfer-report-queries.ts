import { PostgresQueryCompiler, sql, SqliteQueryCompiler, type CompiledQuery, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import type { Db } from '../src/platform/db/connect.ts';
import type { OrganizationRow } from '../src/platform/db/schema.ts';
import { rule } from '../src/platform/rules/rules.ts';
import type { DataScope } from '../src/platform/scope/data-scope.ts';
import { graduateRate } from '../src/modules/transfers/graduate-rate.ts';
import { transferResponseStats } from '../src/modules/transfers/transfer-response-stats.ts';

export type ReportKind = 'graduateRate' | 'responseStats';

/** One report the benchmark times: the product call and the plain SQL of the same numbers. */
export type ReportPair = {
  kind: ReportKind;
  /** The organization the report is for (the province root or a 市州). */
  org: OrganizationRow;
  product: () => Promise<unknown>;
  baseline: () => Promise<unknown>;
};

type RateCounts = { graduates: number; settled: number; retained: number; inTransfer: number };
type ResponseCounts = { decided: number; onTime: number; overdueOpen: number };

/** The graduates of destinations kept at the school, as graduate-rate.ts counts them. */
const RETAINED_KINDS = ['abroad', 'unemployed'];

type Ctx = { db: Db; scope: DataScope };

export function reportPairs(ctx: Ctx, root: OrganizationRow, city: OrganizationRow, year: number, now: Date): ReportPair[] {
  return [
    { kind: 'graduateRate', org: root, product: () => graduateRate(ctx, undefined, year), baseline: () => rawGraduateRate(ctx.db, root, year) },
    { kind: 'graduateRate', org: city, product: () => graduateRate(ctx, city.id, year), baseline: () => rawGraduateRate(ctx.db, city, year) },
    { kind: 'responseStats', org: root, product: () => transferResponseStats(ctx, undefined, now), baseline: () => rawResponseStats(ctx.db, root, now) },
  ];
}

/** The child of `parent` a path lies under: the path cut after the segment that follows the parent's. */
function childPath(db: Db, column: string, parent: OrganizationRow) {
  const length = parent.path.length;
  const ref = sql.ref(column);
  const rest = db.engine === 'postgres' ? sql`strpos(substr(${ref}, ${sql.lit(length + 1)}), '/')` : sql`instr(substr(${ref}, ${sql.lit(length + 1)}), '/')`;
  return sql<string>`substr(${ref}, 1, ${sql.lit(length)} + ${rest})`;
}

/**
 * graduateRate's numbers from one GROUP BY over graduate_batch_member under `parent` (a range of
 * its path index), keyed by the child of `parent` each school lies under; the parent's row is the
 * sum of all groups.
 */
export async function rawGraduateRate(db: Db, parent: OrganizationRow, year: number): Promise<{ org: RateCounts; children: Map<string, RateCounts> }> {
  const child = childPath(db, 'school_org_path', parent);
  const { rows } = await sql<{ child_path: string; graduates: number; settled: number; retained: number; in_transfer: number }>`
    select ${child} as child_path, count(*) as graduates, sum(settled) as settled,
      sum(case when settled = 1 and destination_kind in (${sql.join(RETAINED_KINDS)}) then 1 else 0 end) as retained,
      sum(case when settled = 0 and transfer_id is not null then 1 else 0 end) as in_transfer
    from graduate_batch_member where school_org_path like ${`${parent.path}%`} and year = ${year} group by 1`.execute(db);
  const org: RateCounts = { graduates: 0, settled: 0, retained: 0, inTransfer: 0 };
  const children = new Map<string, RateCounts>();
  for (const r of rows) {
    const counts = { graduates: Number(r.graduates), settled: Number(r.settled), retained: Number(r.retained), inTransfer: Number(r.in_transfer) };
    for (const key of Object.keys(org) as (keyof RateCounts)[]) org[key] += counts[key];
    if (r.child_path !== parent.path) children.set(r.child_path, counts);
  }
  return { org, children };
}

/**
 * transferResponseStats' numbers: one GROUP BY over the decisions (transfer_event with a response
 * time) and one over the transfers waiting past the limit, both under `parent` by child, in parallel.
 */
export async function rawResponseStats(db: Db, parent: OrganizationRow, now: Date): Promise<{ org: ResponseCounts; children: Map<string, ResponseCounts> }> {
  const hours = rule('transfer.responseHours');
  const lateSince = new Date(now.getTime() - hours * 3_600_000).toISOString();
  const prefix = `${parent.path}%`;
  const [decisions, overdue] = await Promise.all([
    sql<{ child_path: string; decided: number; on_time: number }>`
      select ${childPath(db, 'stage_org_path', parent)} as child_path, count(*) as decided, sum(case when response_minutes <= ${hours * 60} then 1 else 0 end) as on_time
      from transfer_event where stage_org_path like ${prefix} and response_minutes is not null group by 1`.execute(db),
    sql<{ child_path: string; n: number }>`
      select ${childPath(db, 'stage_org_path', parent)} as child_path, count(*) as n
      from transfer where stage_org_path like ${prefix} and status in ('pending', 'appealed') and stage_since < ${lateSince} group by 1`.execute(db),
  ]);
  const org: ResponseCounts = { decided: 0, onTime: 0, overdueOpen: 0 };
  const children = new Map<string, ResponseCounts>();
  const at = (path: string) => {
    if (path === parent.path) return null;
    let c = children.get(path);
    if (!c) children.set(path, (c = { decided: 0, onTime: 0, overdueOpen: 0 }));
    return c;
  };
  for (const r of decisions.rows) {
    for (const c of [org, at(r.child_path)]) if (c) { c.decided += Number(r.decided); c.onTime += Number(r.on_time); }
  }
  for (const r of overdue.rows) {
    for (const c of [org, at(r.child_path)]) if (c) c.overdueOpen += Number(r.n);
  }
  return { org, children };
}

/**
 * Fail the run when a report and its plain SQL disagree, for the organization and every child;
 * returns the numbers of the organization's own row for the report.
 */
export async function assertSameReport(ctx: Ctx, pair: ReportPair): Promise<{ children: number; counts: Record<string, number> }> {
  const product = (await pair.product()) as { org: Record<string, unknown>; children: (Record<string, unknown> & { orgId: number; name: string })[] };
  const raw = (await pair.baseline()) as { org: Record<string, number>; children: Map<string, Record<string, number>> };
  const paths = new Map((await ctx.db.selectFrom('organization').select(['id', 'path']).where('parent_id', '=', pair.org.id).execute()).map((o) => [o.id, o.path]));
  const keys = Object.keys(raw.org);
  const pick = (row: Record<string, unknown>) => JSON.stringify(keys.map((k) => Number(row[k] ?? 0)));
  const where = `${pair.kind} of ${pair.org.name}`;
  if (pick(product.org) !== pick(raw.org)) throw new Error(`${where} and the plain SQL disagree: ${pick(product.org)} vs ${pick(raw.org)} (${keys.join(', ')})`);
  for (const c of product.children) {
    const truth = raw.children.get(paths.get(c.orgId)!) ?? {};
    if (pick(c) !== pick(truth)) throw new Error(`${where}, child ${c.name}: ${pick(c)} vs ${pick(truth)} (${keys.join(', ')})`);
  }
  const listed = new Set(product.children.map((c) => paths.get(c.orgId)));
  const missing = [...raw.children.keys()].filter((p) => !listed.has(p));
  if (missing.length > 0) throw new Error(`${where}: the plain SQL counts under ${missing.join(', ')}, which the report does not list`);
  return { children: product.children.length, counts: Object.fromEntries(keys.map((k) => [k, raw.org[k]!])) };
}

/** The statements a call sends, compiled as the engine receives them (for EXPLAIN). */
export async function statementsOf(db: Db, run: (db: Db) => Promise<unknown>): Promise<CompiledQuery[]> {
  const compiler = db.engine === 'postgres' ? new PostgresQueryCompiler() : new SqliteQueryCompiler();
  const seen: CompiledQuery[] = [];
  const plugin: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      seen.push(compiler.compileQuery(args.node, args.queryId));
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      return args.result;
    },
  };
  await run(Object.assign(db.withPlugin(plugin), { engine: db.engine }) as Db);
  return seen;
}
