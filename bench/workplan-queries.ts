import { createQueryId, PostgresQueryCompiler, sql, SqliteQueryCompiler, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import type { Db } from '../src/platform/db/connect.ts';
import { MetricCache } from '../src/modules/workplan/metrics/metric-registry.ts';
import { requirePlanView } from '../src/modules/workplan/plan-access.ts';
import { planBoard, type PlanBoard } from '../src/modules/workplan/plan-board.ts';
import { planLedger } from '../src/modules/workplan/plan-ledger.ts';
import { ProgressCalculator } from '../src/modules/workplan/progress/compute-progress.ts';
import { loadProgressFacts, orgTargetKey, orgTaskKey } from '../src/modules/workplan/progress/progress-facts.ts';
import { planSupervision } from '../src/modules/workplan/supervision.ts';
import { taskDetail } from '../src/modules/workplan/task-detail.ts';
import type { ServiceContext } from '../src/platform/service-context.ts';
import { summarize, type Timing } from './measure.ts';
import type { StatementKind } from './transfer-phases.ts';
import type { City, WorkplanSetup } from './workplan-setup.ts';
import { yieldToEventLoop } from './yield-to-signals.ts';

export type CallKind = 'boardProvince' | 'boardCity' | 'taskProvince' | 'taskCity' | 'taskMetricProvince' | 'supervisionProvince' | 'ledgerProvince';

/** Which rows of the plan a call needs at least: all of them, or those of one task and/or under one 市州. */
export type RowsInView = { taskId?: number; pathPrefix?: string };

/** One product call the benchmark times, as one post, with the rows it needs. */
export type WorkplanCall = {
  kind: CallKind;
  label: string;
  post: 'province' | 'city';
  orgName: string;
  run: (ctx: ServiceContext) => Promise<unknown>;
  /** Set when the call needs fewer rows than the whole plan: the floor is then measured on those rows too. */
  inView: RowsInView | null;
};

export const CALL_LABELS: Record<CallKind, string> = {
  boardProvince: 'planBoard (owner)',
  boardCity: 'planBoard (assignee)',
  taskProvince: 'taskDetail, cascaded task (owner)',
  taskCity: 'taskDetail, cascaded task (assignee)',
  taskMetricProvince: 'taskDetail, task bound to orgs.active (owner)',
  supervisionProvince: 'planSupervision (owner)',
  ledgerProvince: 'planLedger (owner, audited)',
};

/**
 * The calls measured: the board for the province (owner of the plan) and for a 市州 (assignee),
 * the detail of the most-targeted cascaded task for both, of the task bound to orgs.active for the
 * province, supervision and the Excel ledger for the province.
 */
export function workplanCalls(setup: WorkplanSetup, city: City): WorkplanCall[] {
  const { planId } = setup;
  const cascaded = [...setup.quotaTargets.keys()]
    .map((id) => setup.tasks.find((t) => t.id === id)!)
    .filter((t) => (setup.targetsByTask.get(t.id) ?? []).every((x) => x.metric_key === null))
    .sort((a, b) => (setup.targetsByTask.get(b.id)?.length ?? 0) - (setup.targetsByTask.get(a.id)?.length ?? 0))[0]!;
  const metricTask = setup.tasks.find((t) => (setup.targetsByTask.get(t.id) ?? []).some((x) => x.id === setup.bound.orgsTargetId))!;
  const province = setup.province.org.name;
  return [
    { kind: 'boardProvince', label: CALL_LABELS.boardProvince, post: 'province', orgName: province, run: (ctx) => planBoard(ctx, planId), inView: null },
    { kind: 'boardCity', label: CALL_LABELS.boardCity, post: 'city', orgName: city.org.name, run: (ctx) => planBoard(ctx, planId), inView: { pathPrefix: city.org.path } },
    { kind: 'taskProvince', label: `${CALL_LABELS.taskProvince}: ${cascaded.title}`, post: 'province', orgName: province, run: (ctx) => taskDetail(ctx, cascaded.id), inView: { taskId: cascaded.id } },
    { kind: 'taskCity', label: `${CALL_LABELS.taskCity}: ${cascaded.title}`, post: 'city', orgName: city.org.name, run: (ctx) => taskDetail(ctx, cascaded.id), inView: { taskId: cascaded.id, pathPrefix: city.org.path } },
    { kind: 'taskMetricProvince', label: `${CALL_LABELS.taskMetricProvince}: ${metricTask.title}`, post: 'province', orgName: province, run: (ctx) => taskDetail(ctx, metricTask.id), inView: { taskId: metricTask.id } },
    { kind: 'supervisionProvince', label: CALL_LABELS.supervisionProvince, post: 'province', orgName: province, run: (ctx) => planSupervision(ctx, planId), inView: null },
    { kind: 'ledgerProvince', label: CALL_LABELS.ledgerProvince, post: 'province', orgName: province, run: (ctx) => planLedger(ctx, planId), inView: null },
  ];
}

/**
 * Baseline (a), the floor for "read everything": the plain SQL that loads the raw rows progress is
 * computed from — every report of the plan (id, organization, task, share done, time) and every
 * figure with its report's organization, both ordered by id, in parallel as loadProgressFacts
 * sends them. `within` narrows it to one task and/or one 市州's subtree (the rows a scoped call needs).
 */
export async function readPlanRows(db: Db, planId: number, within: RowsInView = {}): Promise<{ reports: number; figures: number }> {
  let reports = db.selectFrom('plan_report').innerJoin('plan_task', 'plan_task.id', 'plan_report.task_id')
    .select(['plan_report.id', 'plan_report.org_id', 'plan_report.task_id', 'plan_report.percent', 'plan_report.created_at']).where('plan_task.plan_id', '=', planId);
  let figures = db.selectFrom('plan_report').innerJoin('plan_task', 'plan_task.id', 'plan_report.task_id').innerJoin('plan_report_figure', 'plan_report_figure.report_id', 'plan_report.id')
    .select(['plan_report.id', 'plan_report.org_id', 'plan_report_figure.target_id', 'plan_report_figure.value']).where('plan_task.plan_id', '=', planId);
  if (within.taskId !== undefined) {
    reports = reports.where('plan_report.task_id', '=', within.taskId);
    figures = figures.where('plan_report.task_id', '=', within.taskId);
  }
  if (within.pathPrefix !== undefined) {
    reports = reports.where('plan_report.org_path', 'like', `${within.pathPrefix}%`);
    figures = figures.where('plan_report.org_path', 'like', `${within.pathPrefix}%`);
  }
  const [r, f] = await Promise.all([reports.orderBy('plan_report.id').execute(), figures.orderBy('plan_report.id').execute()]);
  return { reports: r.length, figures: f.length };
}

/**
 * A candidate for src/ (measured here, not in the product): the facts progress needs from the
 * reports — the time of the last report per organization and task, the last share done given,
 * the last figure per organization and target — reduced in SQL by GROUP BY instead of reading
 * every report and keeping the last one in JavaScript (reports of one organization on one task
 * are written one after another, so the latest time is the last report's). Same three answers; checked against
 * loadProgressFacts by checkCandidate.
 */
export async function latestFactsInSql(db: Db, planId: number) {
  const [last, percent, figure] = await Promise.all([
    // Straight from plan_report_task_idx (task_id, org_id, created_at), in its order.
    sql<{ org_id: number; task_id: number; created_at: string }>`
      select r.task_id, r.org_id, max(r.created_at) as created_at from plan_report r join plan_task t on t.id = r.task_id
      where t.plan_id = ${planId} group by r.task_id, r.org_id`.execute(db),
    sql<{ org_id: number; task_id: number; percent: number }>`
      select r.org_id, r.task_id, r.percent from plan_report r
      join (select max(r2.id) as id from plan_report r2 join plan_task t on t.id = r2.task_id where t.plan_id = ${planId} and r2.percent is not null group by r2.task_id, r2.org_id) m on m.id = r.id`.execute(db),
    sql<{ org_id: number; target_id: number; value: number }>`
      select m.org_id, f.target_id, f.value from plan_report_figure f
      join (select r2.org_id, f2.target_id, max(f2.report_id) as report_id from plan_report_figure f2
        join plan_report r2 on r2.id = f2.report_id join plan_task t on t.id = r2.task_id where t.plan_id = ${planId} group by r2.org_id, f2.target_id) m
      on m.report_id = f.report_id and m.target_id = f.target_id`.execute(db),
  ]);
  return {
    lastReportAt: new Map(last.rows.map((r) => [orgTaskKey(Number(r.org_id), Number(r.task_id)), r.created_at])),
    latestPercent: new Map(percent.rows.map((r) => [orgTaskKey(Number(r.org_id), Number(r.task_id)), Number(r.percent)])),
    latestFigure: new Map(figure.rows.map((r) => [orgTargetKey(Number(r.org_id), Number(r.target_id)), Number(r.value)])),
  };
}

/** Fail the run when the candidate's facts differ from what loadProgressFacts derives for the owner. */
export async function checkCandidate(ctx: Pick<ServiceContext, 'db' | 'scope'>, db: Db, planId: number): Promise<{ lastReports: number; percents: number; figures: number }> {
  const view = await requirePlanView(ctx.db, ctx.scope, planId);
  const facts = await loadProgressFacts(ctx.db, { ...view, scope: ctx.scope });
  const candidate = await latestFactsInSql(db, planId);
  for (const key of ['lastReportAt', 'latestPercent', 'latestFigure'] as const) {
    const a = facts[key] as Map<string, unknown>;
    const b = candidate[key] as Map<string, unknown>;
    if (a.size !== b.size) throw new Error(`candidate ${key}: ${b.size} entries, loadProgressFacts ${a.size}`);
    for (const [k, v] of a) if (b.get(k) !== v) throw new Error(`candidate ${key} ${k}: ${String(b.get(k))}, loadProgressFacts ${String(v)}`);
  }
  return { lastReports: candidate.lastReportAt.size, percents: candidate.latestPercent.size, figures: candidate.latestFigure.size };
}

/** Where one call's time goes: its statements by kind (ms and count per call) and the rest (JavaScript). */
export type CallBreakdown = { kind: CallKind; runs: number; meanMs: number; statements: number; statementMs: number; statementKinds: StatementKind[]; restMs: number; answerBytes: number; stringifyMs: number };

/**
 * The database as the product gets it, timing its statements for a call that sends many at once
 * (Promise.all over units): each statement is charged the wall time from its start or the previous
 * statement's answer, whichever is later, to its own answer. The statements' times then add up
 * to the time the call had a statement outstanding (on SQLite, which runs them one after another,
 * each one's own execution), and the call's rest is JavaScript with nothing outstanding. Statements
 * are told apart by their tables and columns, worked out only when taken, off the timed path.
 */
export function timedDb(db: Db): { db: Db; take(): StatementKind[] } {
  let done: { node: RootOperationNode; ms: number }[] = [];
  const running = new Map<string, { node: RootOperationNode; started: number }>();
  let lastAnswer = 0;
  const plugin: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      running.set(args.queryId.queryId, { node: args.node, started: performance.now() });
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      const run = running.get(args.queryId.queryId);
      if (run) {
        running.delete(args.queryId.queryId);
        const now = performance.now();
        done.push({ node: run.node, ms: now - Math.max(run.started, lastAnswer) });
        lastAnswer = now;
      }
      return args.result;
    },
  };
  const compiler = db.engine === 'postgres' ? new PostgresQueryCompiler() : new SqliteQueryCompiler();
  return {
    db: Object.assign(db.withPlugin(plugin), { engine: db.engine }) as Db,
    take() {
      const kinds = new Map<string, StatementKind>();
      for (const { node, ms } of done) {
        const label = labelOf(compiler.compileQuery(node, createQueryId()).sql);
        let kind = kinds.get(label);
        if (!kind) kinds.set(label, (kind = { label, count: 0, ms: 0 }));
        kind.count++;
        kind.ms += ms;
      }
      done = [];
      return [...kinds.values()].sort((a, b) => b.ms - a.ms);
    },
  };
}

/** 'select id, name from organization', 'select id, org_id, target_id, value from plan_report ⋈ plan_report_figure', 'insert audit_log', …. */
function labelOf(text: string): string {
  const select = /^select (.*?) from (.*?)(?: where | order by | group by | limit |$)/s.exec(text);
  if (!select) return text.split(/\s+/).slice(0, 3).join(' ').replace(/"/g, '').replace(/^(?:(insert) into|(delete) from)/, '$1$2').replace(/ (set|values|\().*$/, '');
  const columns = select[1]!.replace(/"/g, '').replace(/\b\w+\./g, '');
  const tables = [...select[2]!.matchAll(/(?:^|join )"(\w+)"/g)].map((m) => m[1]).join(' ⋈ ');
  return `select ${columns.length > 60 ? `${columns.slice(0, 57)}…` : columns} from ${tables}`;
}

/** Run a call `runs` times through a timing handle; per-call averages of its statements by kind. */
export async function breakdownOf(db: Db, ctx: ServiceContext, call: WorkplanCall, runs: number): Promise<CallBreakdown> {
  const timed = timedDb(db);
  const timedCtx = { ...ctx, db: timed.db };
  timed.take();
  let ms = 0;
  let answer: unknown;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    answer = await call.run(timedCtx);
    ms += performance.now() - started;
    await yieldToEventLoop();
  }
  const kinds = timed.take().map((k) => ({ label: k.label, count: k.count / runs, ms: k.ms / runs }));
  const statementMs = kinds.reduce((s, k) => s + k.ms, 0);
  // What an API call adds after the service: the answer as JSON (the ledger's is a workbook).
  const stringifyStarted = performance.now();
  const json = call.kind === 'ledgerProvince' ? null : JSON.stringify(answer);
  const stringifyMs = performance.now() - stringifyStarted;
  const answerBytes = json === null ? (answer as { buffer: Buffer }).buffer.length : Buffer.byteLength(json);
  return {
    kind: call.kind, runs, meanMs: ms / runs, statements: kinds.reduce((s, k) => s + k.count, 0), statementMs, statementKinds: kinds,
    restMs: ms / runs - statementMs, answerBytes, stringifyMs,
  };
}

/** The province board in its parts: the plan view and facts, progress with the metrics computed, and again with them cached (JavaScript only). */
export type BoardParts = { facts: Timing; progressColdMetrics: Timing; progressCachedMetrics: Timing; tasks: number; units: number };

export async function boardParts(ctx: Pick<ServiceContext, 'db' | 'scope'>, planId: number, runs: number): Promise<BoardParts> {
  const facts: number[] = [];
  const cold: number[] = [];
  const cached: number[] = [];
  let units = 0;
  let tasks = 0;
  for (let i = 0; i < runs; i++) {
    let started = performance.now();
    const view = await requirePlanView(ctx.db, ctx.scope, planId);
    const f = await loadProgressFacts(ctx.db, { ...view, scope: ctx.scope });
    facts.push(performance.now() - started);
    const calculator = new ProgressCalculator(f, new MetricCache(ctx.db));
    started = performance.now();
    units = 0;
    for (const task of f.tasks) units += (await calculator.task(task)).units.length;
    cold.push(performance.now() - started);
    started = performance.now();
    for (const task of f.tasks) await calculator.task(task);
    cached.push(performance.now() - started);
    tasks = f.tasks.length;
    await yieldToEventLoop();
  }
  return { facts: summarize(facts), progressColdMetrics: summarize(cold), progressCachedMetrics: summarize(cached), tasks, units };
}

export type WorkplanChecks = {
  reports: number;
  figures: number;
  /** Targets whose province figure (rolled up from the 市州) was compared with the plain SQL sum. */
  rollupTargets: { targetId: number; task: string; current: number; sql: number; cityCurrent: number; citySql: number }[];
  orgsActive: { current: number; sql: number };
  candidate: { lastReports: number; percents: number; figures: number };
  detail: { provinceAssignments: number; cityAssignments: number };
};

/**
 * The numbers the board shows against plain SQL, failing the run on any difference: for every
 * reported count target, the province's figure is the sum of the 市州's latest figures (each city
 * reported its own, so nothing rolls up from the counties) and the city board's the city's own;
 * the orgs.active target is the count of active organizations under the root.
 */
export async function checkWorkplan(db: Db, setup: WorkplanSetup, city: City, provinceCtx: ServiceContext, cityCtx: ServiceContext): Promise<WorkplanChecks> {
  const { planId } = setup;
  const count = async (q: Promise<{ n: number | string | bigint }>) => Number((await q).n);
  const reports = await count(db.selectFrom('plan_report').innerJoin('plan_task', 'plan_task.id', 'plan_report.task_id').where('plan_task.plan_id', '=', planId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
  const figures = await count(db.selectFrom('plan_report_figure').innerJoin('plan_report', 'plan_report.id', 'plan_report_figure.report_id').innerJoin('plan_task', 'plan_task.id', 'plan_report.task_id')
    .where('plan_task.plan_id', '=', planId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
  if (reports !== setup.reports.expected || figures !== setup.reports.figuresExpected) {
    throw new Error(`the plan holds ${reports} reports and ${figures} figures; ${setup.reports.expected} and ${setup.reports.figuresExpected} were reported`);
  }

  const provinceBoard = await planBoard(provinceCtx, planId);
  const cityBoard = await planBoard(cityCtx, planId);
  const targetsOf = (board: PlanBoard, taskId: number) => board.sections.flatMap((s) => s.tasks).find((t) => t.id === taskId)?.progress.targets ?? [];
  const latestSum = async (targetId: number, orgIds: number[]) => {
    // Each organization's last report with a figure for the target, then those figures added up.
    const { rows } = await sql<{ total: number | null }>`
      select sum(f.value) as total from plan_report_figure f
      join (select max(r.id) as id from plan_report r join plan_report_figure f2 on f2.report_id = r.id
        where f2.target_id = ${targetId} and r.org_id in (${sql.join(orgIds)}) group by r.org_id) m on m.id = f.report_id
      where f.target_id = ${targetId}`.execute(db);
    return Number(rows[0]?.total ?? 0);
  };
  const rollupTargets: WorkplanChecks['rollupTargets'] = [];
  for (const task of setup.tasks) {
    for (const target of (setup.targetsByTask.get(task.id) ?? []).filter((t) => t.metric_key === null && t.unit !== '%')) {
      const current = targetsOf(provinceBoard, task.id).find((t) => t.targetId === target.id)?.current ?? null;
      const cityCurrent = targetsOf(cityBoard, task.id).find((t) => t.targetId === target.id)?.current ?? null;
      const expected = await latestSum(target.id, setup.cities.map((c) => c.org.id));
      const cityExpected = await latestSum(target.id, [city.org.id]);
      if (current !== expected) throw new Error(`province board, ${task.title} / ${target.label}: ${String(current)}, plain SQL ${expected}`);
      if (cityCurrent !== cityExpected) throw new Error(`${city.org.name} board, ${task.title} / ${target.label}: ${String(cityCurrent)}, plain SQL ${cityExpected}`);
      rollupTargets.push({ targetId: target.id, task: task.title, current, sql: expected, cityCurrent, citySql: cityExpected });
    }
  }
  if (rollupTargets.length === 0) throw new Error('no reported count target to check the roll-up with');
  const metricTask = setup.tasks.find((t) => (setup.targetsByTask.get(t.id) ?? []).some((x) => x.id === setup.bound.orgsTargetId))!;
  const orgsCurrent = targetsOf(provinceBoard, metricTask.id).find((t) => t.targetId === setup.bound.orgsTargetId)?.current ?? null;
  const orgsSql = await count(db.selectFrom('organization').where('status', '=', 'active').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
  if (orgsCurrent !== orgsSql) throw new Error(`province board, 团组织数 (orgs.active): ${String(orgsCurrent)}, active organizations ${orgsSql}`);

  const cascaded = workplanCalls(setup, city).find((c) => c.kind === 'taskProvince')!;
  const provinceDetail = (await cascaded.run(provinceCtx)) as { assignments: unknown[] };
  const cityDetail = (await cascaded.run(cityCtx)) as { assignments: unknown[] };
  const all = setup.cities.length + setup.cities.reduce((s, c) => s + c.counties.length, 0);
  if (provinceDetail.assignments.length !== all || cityDetail.assignments.length !== 1 + city.counties.length) {
    throw new Error(`task detail: ${provinceDetail.assignments.length} assignments for the province (expected ${all}), ${cityDetail.assignments.length} for ${city.org.name} (expected ${1 + city.counties.length})`);
  }
  const candidate = await checkCandidate(provinceCtx, db, planId);
  return { reports, figures, rollupTargets, orgsActive: { current: orgsCurrent, sql: orgsSql }, candidate, detail: { provinceAssignments: provinceDetail.assignments.length, cityAssignments: cityDetail.assignments.length } };
}

/** The 市州 whose post is measured: the one with the most counties (the widest assignee view). */
export function pickCity(setup: WorkplanSetup): City {
  return setup.cities.reduce((a, b) => (b.counties.length > a.counties.length ? b : a));
}
