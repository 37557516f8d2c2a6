import { sql } from 'kysely';
import type { Engine } from '../src/platform/db/connect.ts';
import { BlindIndex } from '../src/platform/pii/blind-index.ts';
import { FieldCipher } from '../src/platform/pii/field-cipher.ts';
import { randomKeyRing } from '../src/platform/pii/keys.ts';
import { planBoard } from '../src/modules/workplan/plan-board.ts';
import { planLedger } from '../src/modules/workplan/plan-ledger.ts';
import { engineVersion } from './bench-engine.ts';
import { generateTree, type GenerationResult } from './generate-tree.ts';
import { measureInsertRate, type InsertBaselineResult } from './insert-baseline.ts';
import { measurePair, type Timing } from './measure.ts';
import type { BenchOptions } from './options.ts';
import { explainLines } from './query-plan.ts';
import type { ScratchDatabase } from './scratch-database.ts';
import { measureCommitRate, measureEmptyRoute, type CommitSettings, type RateResult } from './transfer-baselines.ts';
import type { Keys } from './transfer-phases.ts';
import { statementsOf } from './transfer-report-queries.ts';
import {
  boardParts, breakdownOf, checkWorkplan, latestFactsInSql, pickCity, readPlanRows, workplanCalls,
  type BoardParts, type CallBreakdown, type CallKind, type RowsInView, type WorkplanChecks,
} from './workplan-queries.ts';
import { setUpWorkplan, type SetupPhase, type WorkplanSetup } from './workplan-setup.ts';

/** One product call against the floor (a), and, when it needs fewer rows, the floor on its rows alone. */
export type WorkplanMeasurement = {
  kind: CallKind;
  label: string;
  post: 'province' | 'city';
  orgName: string;
  product: Timing;
  /** Baseline (a): every report and figure of the plan, plain SQL. */
  floor: Timing;
  /** product median ÷ floor median. */
  ratio: number;
  /** The same plain SQL narrowed to the rows the call needs (its task, its 市州), measured against the floor. */
  inView: { within: RowsInView; rows: { reports: number; figures: number }; timing: Timing; ratio: number } | null;
};

export type WorkplanPlanRecord = { side: 'boardProvince' | 'boardCity' | 'ledgerProvince' | 'floor' | 'floorCity' | 'candidate'; sql: string; parameters: number; lines: string[] };

export type WorkplanEngineResult = {
  engine: Engine;
  version: string;
  location: string;
  tree: GenerationResult;
  setup: Omit<WorkplanSetup, 'province' | 'cities' | 'tasks' | 'targetsByTask' | 'quotaTargets' | 'phases'> & { tasks: number; cities: number; counties: number; quotaTasks: number; city: { name: string; counties: number } };
  concurrency: number;
  phases: SetupPhase[];
  /** The setup phases added up. */
  endToEnd: { ms: number; calls: number; rows: number; rowsPerSecond: number };
  baselines: { insert: InsertBaselineResult[]; commit: RateResult & CommitSettings & { concurrency: number }; emptyRoute: RateResult };
  floorRows: { reports: number; figures: number };
  measurements: WorkplanMeasurement[];
  /** The candidate reduction in SQL (latestFactsInSql) against the floor. */
  candidate: { product: Timing; floor: Timing; ratio: number };
  /** A candidate index for the assignee's reads (created in the scratch database, measured, dropped): the 市州 board and its in-view floor, each against the floor (a). */
  indexExperiment: { index: string; boardCity: { product: Timing; floor: Timing; ratio: number }; floorCity: { product: Timing; floor: Timing; ratio: number }; plans: WorkplanPlanRecord[] };
  breakdowns: (CallBreakdown & { label: string })[];
  boardParts: BoardParts;
  plans: WorkplanPlanRecord[];
  /** PostgreSQL: VACUUM ANALYZE of the work-plan tables after the setup. */
  analyzeMs: number | null;
  checks: WorkplanChecks & { ms: number };
};

/** Build the tree on one engine, set the plan up through the services, time the reads, and throw the database away. */
export async function benchWorkplanEngine(scratch: ScratchDatabase, options: BenchOptions, log: (line: string) => void): Promise<WorkplanEngineResult> {
  const { db } = scratch;
  try {
    const version = await engineVersion(db);
    const keyRing = randomKeyRing();
    const keys: Keys = { cipher: new FieldCipher(keyRing.fieldKey), blindIndex: new BlindIndex(keyRing.indexKey), auditKey: keyRing.auditKey };
    const n = (x: number) => x.toLocaleString('en-US');
    const concurrency = db.engine === 'postgres' ? options.workplanConcurrency : 1;

    log(`${db.engine} ${version}: generating ${n(options.orgs)} organizations in ${scratch.location} (no members: member_stat stays empty)`);
    const tree = await generateTree(db, options.orgs);

    const setup = await setUpWorkplan(db, keys, concurrency, log);
    const phaseMs = setup.phases.reduce((s, p) => s + p.ms, 0);
    const phaseRows = setup.phases.reduce((s, p) => s + p.rows, 0);

    log(`${db.engine}: baselines — plain 500-row INSERTs (${n(setup.reports.expected)} rows, bare and indexed), one-row transactions, an empty Fastify route`);
    const insert = [await measureInsertRate(db, setup.reports.expected, 'bare'), await measureInsertRate(db, setup.reports.expected, 'indexed')];
    const commit = await measureCommitRate(db, Math.min(setup.reports.expected, 20_000), 15_000, concurrency);
    const emptyRoute = await measureEmptyRoute(20_000, 10_000);
    log(`${db.engine}: ${n(Math.round(insert[0]!.rowsPerSecond))} rows/s bare, ${n(Math.round(commit.perSecond))} one-row transactions/s with ${concurrency} in flight (${commit.synchronous}), ${n(Math.round(emptyRoute.perSecond))} empty requests/s`);

    let analyzeMs: number | null = null;
    if (db.engine === 'postgres') {
      // As autovacuum would within a minute of this much change; keeps plans from switching mid-measurement.
      const started = performance.now();
      for (const table of ['plan_assignment', 'plan_quota', 'plan_report', 'plan_report_figure', 'plan_target', 'plan_task']) await sql`vacuum analyze ${sql.table(table)}`.execute(db);
      analyzeMs = performance.now() - started;
    }

    // The reads run on the plain handle (the setup's counted one would add its bookkeeping to every statement).
    const city = pickCity(setup);
    const provinceCtx = { ...setup.province.ctx, db };
    const cityCtx = { ...city.ctx, db };
    const ctxOf = (post: 'province' | 'city') => (post === 'province' ? provinceCtx : cityCtx);

    log(`${db.engine}: checking the boards against plain SQL`);
    const checkStarted = performance.now();
    const checks = await checkWorkplan(db, setup, city, provinceCtx, cityCtx);
    const checkMs = performance.now() - checkStarted;
    log(`${db.engine}: ${n(checks.reports)} reports, ${n(checks.figures)} figures; ${checks.rollupTargets.length} rolled-up targets and 团组织数 agree with plain SQL`);

    const { planId } = setup;
    const floor = () => readPlanRows(db, planId);
    const floorRows = await floor();
    const timing = { warmup: Math.min(options.warmup, 3), iterations: options.iterations, maxMs: options.maxSecondsPerQuery * 1000 };
    const calls = workplanCalls(setup, city);
    const measurements: WorkplanMeasurement[] = [];
    for (const call of calls) {
      log(`${db.engine}: ${call.label} as ${call.orgName} against the plain SQL of the plan's ${n(floorRows.reports)} reports and ${n(floorRows.figures)} figures`);
      const pair = await measurePair(() => call.run(ctxOf(call.post)), floor, timing);
      let inView: WorkplanMeasurement['inView'] = null;
      if (call.inView) {
        const within = call.inView;
        const rows = await readPlanRows(db, planId, within);
        const scoped = await measurePair(() => readPlanRows(db, planId, within), floor, timing);
        inView = { within, rows, timing: scoped.product, ratio: pair.product.medianMs / scoped.product.medianMs };
      }
      log(`${db.engine}:   median ${pair.product.medianMs.toFixed(1)} ms, floor ${pair.baseline.medianMs.toFixed(1)} ms (${pair.ratio.toFixed(1)}×)`);
      measurements.push({ kind: call.kind, label: call.label, post: call.post, orgName: call.orgName, product: pair.product, floor: pair.baseline, ratio: pair.ratio, inView });
    }
    log(`${db.engine}: candidate — the latest facts reduced in SQL (GROUP BY) against the floor`);
    const candidatePair = await measurePair(() => latestFactsInSql(db, planId), floor, timing);
    const candidate = { product: candidatePair.product, floor: candidatePair.baseline, ratio: candidatePair.ratio };

    log(`${db.engine}: where the time goes — statements by kind, and the province board in parts`);
    const breakdowns: WorkplanEngineResult['breakdowns'] = [];
    for (const call of calls) breakdowns.push({ ...(await breakdownOf(db, ctxOf(call.post), call, 3)), label: call.label });
    const parts = await boardParts(provinceCtx, planId, 5);

    log(`${db.engine}: query plans of the boards, the ledger, the floors and the candidate`);
    const plans: WorkplanPlanRecord[] = [];
    const cityView = { pathPrefix: city.org.path };
    const sides = [
      ['boardProvince', (d: typeof db) => planBoard({ db: d, scope: provinceCtx.scope }, planId)],
      ['boardCity', (d: typeof db) => planBoard({ db: d, scope: cityCtx.scope }, planId)],
      ['ledgerProvince', (d: typeof db) => planLedger({ ...provinceCtx, db: d }, planId)],
      ['floor', (d: typeof db) => readPlanRows(d, planId)],
      ['floorCity', (d: typeof db) => readPlanRows(d, planId, cityView)],
      ['candidate', (d: typeof db) => latestFactsInSql(d, planId)],
    ] as const;
    // Each statement once, under the first call that sends it (the ledger: only what the board does not send).
    const seen = new Set<string>();
    for (const [side, run] of sides) {
      for (const s of await statementsOf(db, run)) {
        if (seen.has(s.sql) || /^(insert|update)/i.test(s.sql)) continue;
        seen.add(s.sql);
        plans.push({ side, sql: s.sql, parameters: s.parameters.length, lines: await explainLines(db, s, { analyze: true }) });
      }
    }

    // A candidate index for the assignee's reads, tried on the scratch database after everything else.
    const index = 'bench_plan_report_task_path_idx';
    log(`${db.engine}: candidate index ${index} on plan_report (task_id, org_path) — the 市州 board again`);
    await sql`create index ${sql.id(index)} on plan_report (task_id, org_path)`.execute(db);
    if (db.engine === 'postgres') await sql`analyze plan_report`.execute(db);
    const cityCall = calls.find((c) => c.kind === 'boardCity')!;
    const withIndex = await measurePair(() => cityCall.run(cityCtx), floor, timing);
    const floorWithIndex = await measurePair(() => readPlanRows(db, planId, cityView), floor, timing);
    const indexPlans: WorkplanPlanRecord[] = [];
    for (const [side, run] of [['boardCity', (d: typeof db) => planBoard({ db: d, scope: cityCtx.scope }, planId)], ['floorCity', (d: typeof db) => readPlanRows(d, planId, cityView)]] as const) {
      for (const s of await statementsOf(db, run)) {
        if (!/from "plan_report"/.test(s.sql)) continue;
        indexPlans.push({ side, sql: s.sql, parameters: s.parameters.length, lines: await explainLines(db, s, { analyze: true }) });
      }
    }
    await sql`drop index ${sql.id(index)}`.execute(db);
    const indexExperiment = {
      index: 'plan_report (task_id, org_path)', boardCity: { product: withIndex.product, floor: withIndex.baseline, ratio: withIndex.ratio },
      floorCity: { product: floorWithIndex.product, floor: floorWithIndex.baseline, ratio: floorWithIndex.ratio }, plans: indexPlans,
    };
    log(`${db.engine}:   市州 board median ${withIndex.product.medianMs.toFixed(1)} ms with the index (${withIndex.ratio.toFixed(2)}× the floor)`);

    const { province: _p, cities, tasks, targetsByTask: _t, quotaTargets, phases, ...rest } = setup;
    return {
      engine: db.engine, version, location: scratch.location, tree,
      setup: { ...rest, tasks: tasks.length, cities: cities.length, counties: cities.reduce((s, c) => s + c.counties.length, 0), quotaTasks: quotaTargets.size, city: { name: city.org.name, counties: city.counties.length } },
      concurrency, phases,
      endToEnd: { ms: phaseMs, calls: phases.reduce((s, p) => s + p.calls, 0), rows: phaseRows, rowsPerSecond: phaseRows / (phaseMs / 1000) },
      baselines: { insert, commit, emptyRoute }, floorRows, measurements, candidate, indexExperiment, breakdowns, boardParts: parts, plans, analyzeMs,
      checks: { ...checks, ms: checkMs },
    };
  } finally {
    await scratch.dispose();
  }
}
