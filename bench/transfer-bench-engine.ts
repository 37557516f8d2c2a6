import { sql } from 'kysely';
import type { Engine } from '../src/platform/db/connect.ts';
import type { OrganizationRow } from '../src/platform/db/schema.ts';
import { BlindIndex } from '../src/platform/pii/blind-index.ts';
import { FieldCipher } from '../src/platform/pii/field-cipher.ts';
import { randomKeyRing } from '../src/platform/pii/keys.ts';
import { DataScope } from '../src/platform/scope/data-scope.ts';
import type { ServiceContext } from '../src/platform/service-context.ts';
import { todayInChina } from '../src/platform/time/china-date.ts';
import { assignGraduates } from '../src/modules/transfers/assign-graduates.ts';
import { decideTransfer } from '../src/modules/transfers/decide-transfer.ts';
import { openGraduateBatch } from '../src/modules/transfers/graduate-batches.ts';
import { TRANSFER_STAGES } from '../src/modules/transfers/transfer-enums.ts';
import { engineVersion } from './bench-engine.ts';
import { generateMembers, type MemberGenerationResult } from './generate-members.ts';
import { generateTree, type GenerationResult } from './generate-tree.ts';
import { markGraduateBranches, planAssignments, type School } from './graduate-setup.ts';
import { measureInsertRate, type InsertBaselineResult } from './insert-baseline.ts';
import { measurePair, type Timing } from './measure.ts';
import { assertSameStats } from './member-stats-queries.ts';
import type { BenchOptions } from './options.ts';
import { pickSubtrees } from './pick-subtrees.ts';
import { explainLines } from './query-plan.ts';
import type { ScratchDatabase } from './scratch-database.ts';
import { measureCommitRate, measureEmptyRoute, type CommitSettings, type RateResult } from './transfer-baselines.ts';
import { contextAt, instrumentedDb, runPhase, type Keys, type PhaseResult } from './transfer-phases.ts';
import { assertSameReport, reportPairs, statementsOf, type ReportKind } from './transfer-report-queries.ts';

/** When the reports are timed: with every transfer waiting at its first stage, and after all completed. */
export type ReportPoint = 'in_flight' | 'completed';

export type ReportMeasurement = {
  point: ReportPoint;
  kind: ReportKind;
  level: 'province' | 'city';
  orgName: string;
  children: number;
  /** The organization's own numbers, as both sides gave them. */
  counts: Record<string, number>;
  product: Timing;
  baseline: Timing;
  ratio: number;
};

export type ReportPlan = { point: ReportPoint; kind: ReportKind; level: 'province' | 'city'; side: 'product' | 'baseline'; sql: string; lines: string[] };

export type TransferEngineResult = {
  engine: Engine;
  version: string;
  location: string;
  tree: GenerationResult;
  members: MemberGenerationResult;
  marking: { schoolsInTree: number; schools: number; schoolBranches: number; markedBranches: number; graduates: number; ms: number };
  plan: { batches: number; assignCalls: number; transfers: number; retained: number; unassigned: number };
  concurrency: number;
  phases: PhaseResult[];
  /** Opening the batches, assigning and the four stages, timed phase by phase and added up (the report timings in between are left out). */
  endToEnd: { ms: number; transfersPerSecond: number; withoutOpeningMs: number };
  baselines: { insert: InsertBaselineResult[]; commit: RateResult & CommitSettings & { concurrency: number }; emptyRoute: RateResult };
  reports: ReportMeasurement[];
  plans: ReportPlan[];
  /** PostgreSQL: VACUUM ANALYZE of the transfer tables before each report point. */
  analyzeMs: number[];
  checks: { completed: number; membersMoved: number; settled: number; counterChildren: number; counterCheckMs: number };
};

const STAGE_LABELS = TRANSFER_STAGES.map((s) => `${s.zh} (${s.code})`);

/** Build the province on one engine, run the graduate transfers through the services, time the reports, and throw the database away. */
export async function benchTransfersEngine(scratch: ScratchDatabase, options: BenchOptions, log: (line: string) => void): Promise<TransferEngineResult> {
  const { db } = scratch;
  try {
    const version = await engineVersion(db);
    const keyRing = randomKeyRing();
    const keys: Keys = { cipher: new FieldCipher(keyRing.fieldKey), blindIndex: new BlindIndex(keyRing.indexKey), auditKey: keyRing.auditKey };
    const n = (x: number) => x.toLocaleString('en-US');
    const total = options.transferTotal;
    const concurrency = db.engine === 'postgres' ? options.transferConcurrency : 1;

    log(`${db.engine} ${version}: generating ${n(options.orgs)} organizations in ${scratch.location}`);
    const tree = await generateTree(db, options.orgs);
    log(`${db.engine}: generating ${n(options.memberTotal)} members (seedProvinceMembers)`);
    const members = await generateMembers(db, keys, options.memberTotal);
    log(`${db.engine}: ${n(members.members)} members in ${(members.seedMs / 1000).toFixed(0)} s`);

    log(`${db.engine}: baselines — plain 500-row INSERTs (${n(total)} rows, bare and indexed), one-row transactions, an empty Fastify route`);
    const insert = [await measureInsertRate(db, total, 'bare'), await measureInsertRate(db, total, 'indexed')];
    const commit = await measureCommitRate(db, Math.min(total, 20_000), 15_000, concurrency);
    const emptyRoute = await measureEmptyRoute(20_000, 10_000);
    log(`${db.engine}: ${n(Math.round(insert[0]!.rowsPerSecond))} rows/s bare, ${n(Math.round(commit.perSecond))} one-row transactions/s with ${concurrency} in flight (${commit.synchronous}), ${n(Math.round(emptyRoute.perSecond))} empty requests/s`);

    log(`${db.engine}: marking branches of school committees as graduating until ${n(total)} graduates exist (direct UPDATE)`);
    const marking = await markGraduateBranches(db, total);
    log(`${db.engine}: ${n(marking.markedBranches)} of ${n(marking.schoolBranches)} school branches in ${n(marking.schools.length)} schools, ${n(marking.graduates)} graduates`);

    const counted = instrumentedDb(db);
    const year = Number(todayInChina().slice(0, 4));
    const schoolContexts = new Map<number, ServiceContext>();
    const atSchool = (school: School) => {
      let ctx = schoolContexts.get(school.id);
      if (!ctx) schoolContexts.set(school.id, (ctx = contextAt(counted.db, keys, school, `${school.name} 组织部`)));
      return ctx;
    };
    const phases: PhaseResult[] = [];
    const phase = async <T>(name: string, items: readonly T[], call: (item: T) => Promise<number>) => {
      log(`${db.engine}: ${name} — ${n(items.length)} calls, ${concurrency} at a time`);
      const result = await runPhase(name, items, concurrency, counted, call, log);
      log(`${db.engine}: ${name} — ${(result.ms / 1000).toFixed(1)} s, ${n(Math.round(result.callsPerSecond))} calls/s, ${n(Math.round(result.transfersPerSecond))} transfers/s, call median ${result.call.medianMs.toFixed(2)} ms`);
      phases.push(result);
      return result;
    };

    // 1. Each school opens its batch (openGraduateBatch, as the school committee).
    const batches = new Map<number, School>();
    let batchGraduates = 0;
    await phase('open batches', marking.schools, async (school) => {
      const batch = await openGraduateBatch(atSchool(school), { schoolOrgId: school.id, year });
      batches.set(batch.id, school);
      batchGraduates += batch.members;
      return 0;
    });
    if (batchGraduates !== marking.graduates) throw new Error(`the batches hold ${batchGraduates} graduates, the marked branches ${marking.graduates}`);

    // 2. Destinations, ≤500 rows per assignGraduates call, each starting the transfers of its rows.
    const plan = await planAssignments(db, batches, total);
    let retained = 0;
    await phase('start (assignGraduates)', plan.chunks, async (chunk) => {
      const result = await assignGraduates(atSchool(chunk.school), chunk.batchId, chunk.rows);
      retained += result.retained;
      return result.transfers;
    });
    if (retained !== plan.retained) throw new Error(`assignGraduates settled ${retained} graduates at their schools, ${plan.retained} were assigned so`);

    const transfers = await db.selectFrom('transfer').select(['id', 'batch_id', 'to_org_path', 'stage_index', 'status']).orderBy('id').execute();
    if (transfers.length !== total || transfers.some((t) => t.stage_index !== 0 || t.status !== 'pending')) {
      throw new Error(`expected ${total} transfers pending at their first stage, found ${transfers.length} (${transfers.filter((t) => t.stage_index !== 0).length} past it)`);
    }
    // The receiving side decides as the receiving branch's parent (in_parent's own post, on behalf of the branch at in_branch).
    const receivingContexts = new Map<string, ServiceContext>();
    const atReceivingParent = (toPath: string) => {
      const parentPath = toPath.slice(0, toPath.lastIndexOf('/', toPath.length - 2) + 1);
      let ctx = receivingContexts.get(parentPath);
      if (!ctx) receivingContexts.set(parentPath, (ctx = contextAt(counted.db, keys, { id: Number(parentPath.split('/').at(-2)), path: parentPath }, '转入方上级团组织')));
      return ctx;
    };
    const work = transfers.map((t) => ({ id: t.id, out: atSchool(batches.get(t.batch_id!)!), in: atReceivingParent(t.to_org_path!) }));

    const root = (await db.selectFrom('organization').selectAll().where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow()) as OrganizationRow;
    const city = (await pickSubtrees(db))[0]!.org;
    const province = { db, scope: DataScope.forPost({ kind: 'subtree', orgId: root.id, orgPath: root.path, userId: 0 }) };
    const reports: ReportMeasurement[] = [];
    const plans: ReportPlan[] = [];
    const analyzeMs: number[] = [];
    const measureReports = async (point: ReportPoint) => {
      if (db.engine === 'postgres') {
        // As autovacuum would within a minute of this much change; keeps plans from switching mid-measurement.
        const started = performance.now();
        for (const table of ['graduate_batch_member', 'transfer', 'transfer_event']) await sql`vacuum analyze ${sql.table(table)}`.execute(db);
        analyzeMs.push(performance.now() - started);
      }
      const now = new Date();
      const pairs = reportPairs(province, root, city, year, now);
      for (const [i, pair] of pairs.entries()) {
        const level = pair.org.id === root.id ? 'province' : 'city';
        const { children, counts } = await assertSameReport(province, pair);
        const product = await statementsOf(db, (d) => reportPairs({ ...province, db: d }, root, city, year, now)[i]!.product());
        const baseline = await statementsOf(db, (d) => reportPairs({ ...province, db: d }, root, city, year, now)[i]!.baseline());
        for (const [side, statements] of [['product', product], ['baseline', baseline]] as const) {
          // One plan per statement shape, with the parameters of its first run: the widest (the organization's own row).
          const shapes = new Map<string, (typeof statements)[number]>();
          for (const s of statements) if (!shapes.has(s.sql)) shapes.set(s.sql, s);
          for (const s of shapes.values()) plans.push({ point, kind: pair.kind, level, side, sql: s.sql, lines: await explainLines(db, s, { analyze: true }) });
        }
        log(`${db.engine}: [${point}] ${pair.kind} for ${pair.org.name} (${children} children, ${JSON.stringify(counts)}) against the plain GROUP BY`);
        const timing = await measurePair(pair.product, pair.baseline, { warmup: Math.min(options.warmup, 3), iterations: options.iterations, maxMs: options.maxSecondsPerQuery * 1000 });
        reports.push({ point, kind: pair.kind, level, orgName: pair.org.name, children, counts, ...timing });
      }
    };
    await measureReports('in_flight');

    // 3–6. Every transfer through its four stages, one stage across all transfers at a time.
    for (const [k, label] of STAGE_LABELS.entries()) {
      const last = k === STAGE_LABELS.length - 1;
      await phase(`stage ${k + 1}: ${label}${last ? ' + completion' : ''}`, work, async (t) => {
        const row = await decideTransfer(k < 2 ? t.out : t.in, t.id, 'approve', null);
        const expected = last ? row.status === 'completed' : row.status === 'pending' && row.stage_index === k + 1;
        if (!expected) throw new Error(`transfer ${t.id} after stage ${k + 1}: ${row.status} at stage ${row.stage_index}`);
        return 1;
      });
    }

    log(`${db.engine}: checking the outcome and the member counters`);
    const count = async (query: Promise<{ n: number | string | bigint }>) => Number((await query).n);
    const completed = await count(db.selectFrom('transfer').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'completed').executeTakeFirstOrThrow());
    const membersMoved = await count(db.selectFrom('transfer').innerJoin('member', 'member.id', 'transfer.member_id').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('transfer.status', '=', 'completed').whereRef('member.org_id', '=', 'transfer.to_org_id').executeTakeFirstOrThrow());
    const settled = await count(db.selectFrom('graduate_batch_member').select((eb) => eb.fn.countAll<number>().as('n')).where('settled', '=', 1).executeTakeFirstOrThrow());
    if (completed !== total || membersMoved !== total || settled !== total + plan.retained) {
      throw new Error(`after the stages: ${completed} completed, ${membersMoved} members moved, ${settled} graduates settled; expected ${total}, ${total}, ${total + plan.retained}`);
    }
    const counterStarted = performance.now();
    const counterChildren = await assertSameStats(province, undefined, root);
    const counterCheckMs = performance.now() - counterStarted;

    await measureReports('completed');

    const open = phases[0]!;
    const sum = phases.reduce((s, p) => s + p.ms, 0);
    return {
      engine: db.engine, version, location: scratch.location, tree, members,
      marking: { schoolsInTree: marking.schoolsInTree, schools: marking.schools.length, schoolBranches: marking.schoolBranches, markedBranches: marking.markedBranches, graduates: marking.graduates, ms: marking.ms },
      plan: { batches: batches.size, assignCalls: plan.chunks.length, transfers: plan.transfers, retained: plan.retained, unassigned: plan.unassigned },
      concurrency, phases,
      endToEnd: { ms: sum, transfersPerSecond: total / (sum / 1000), withoutOpeningMs: sum - open.ms },
      baselines: { insert, commit, emptyRoute }, reports, plans, analyzeMs,
      checks: { completed, membersMoved, settled, counterChildren, counterCheckMs },
    };
  } finally {
    await scratch.dispose();
  }
}
