import type { BenchResult } from './report.ts';
import type { ReportPoint, TransferEngineResult } from './transfer-bench-engine.ts';
import { int, minutes, ms, pct, ratio, seconds } from './number-format.ts';

/** One transfer run on every engine, as written to results/transfers-latest.json. */
export type TransferBenchResult = Omit<BenchResult, 'engines'> & { engines: TransferEngineResult[] };

const ENGINE_NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;
const POINT_LABELS: Record<ReportPoint, string> = { in_flight: 'all in flight (after assigning)', completed: 'all completed' };
const REPORT_LABELS = { graduateRate: 'graduateRate (毕业生转接率)', responseStats: 'transferResponseStats (48小时响应率)' } as const;
const LEVEL_LABELS = { province: '省级', city: '市州' } as const;

export function renderTransfersMarkdown(result: TransferBenchResult): string {
  const out: string[] = [];
  const { machine, options } = result;
  out.push(`# Tuanwu transfer benchmark — ${int(options.transferTotal)} graduate transfers, ${int(options.orgs)} organizations, ${int(options.memberTotal)} members`, '');
  out.push(`${result.startedAt} · Node ${machine.node} · ${machine.platform} · ${machine.cpus} × ${machine.cpuModel} · ${machine.memoryGb} GB · commit ${result.commit ?? 'unknown'}`);
  out.push(`Engines: ${result.engines.map((e) => `${ENGINE_NAMES[e.engine]} ${e.version}`).join(', ')}${options.postgres ? '' : ' (set TUANWU_BENCH_DATABASE_URL to add PostgreSQL)'}. Run time ${minutes(Date.parse(result.finishedAt) - Date.parse(result.startedAt))}.`, '');

  // ---- 1. Setup
  out.push('## 1. The province and its graduates', '');
  out.push('seedProvinceScale, then seedProvinceMembers. The generated tree marks no branch 毕业生 (kind `graduate`), so the benchmark does it by a direct UPDATE of `organization.kind` in the scratch database (the only write outside the services): the branches of the school committees (中学团委, 职业技术学校团委), one branch per school in turn, until their members in good standing reach the transfer total. From there on every write goes through the services: each school opens its batch (openGraduateBatch), assigns destinations in calls of at most 500 rows (assignGraduates, which starts the transfers), and every transfer is approved at its four stages (decideTransfer) until it completes. The graduates beyond the total are half kept at the school (abroad / not yet employed, settled by the same assignGraduates calls) and half left unassigned, so that the rate report has every column to count.', '');
  out.push('| engine | members | seed time | school committees (with graduates) | school branches | marked 毕业生 | graduates | transfers | kept at school | unassigned | batches | assign calls | marking (count + UPDATE) |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const e of result.engines) {
    const m = e.marking;
    out.push(`| ${ENGINE_NAMES[e.engine]} | ${int(e.members.members)} | ${seconds(e.tree.seedMs + e.members.seedMs)} | ${int(m.schoolsInTree)} (${int(m.schools)}) | ${int(m.schoolBranches)} | ${int(m.markedBranches)} | ${int(m.graduates)} | ${int(e.plan.transfers)} | ${int(e.plan.retained)} | ${int(e.plan.unassigned)} | ${int(e.plan.batches)} | ${int(e.plan.assignCalls)} | ${seconds(m.ms)} |`);
  }
  out.push('');

  // ---- 2. Throughput
  out.push('## 2. Throughput through the service layer', '');
  out.push(`Contexts: each school acts as a post with the 本级及下级 scope of its committee (opening, assigning, and the two sending stages — on behalf of the branch at 转出团支部, and of the 团总支 at 转出团支部的上级 unless the branch hangs directly under the school); the receiving side acts as a post at the receiving branch's parent (on behalf of the branch at 转入团支部, its own decision at 转入团支部的上级). Stage by stage: all transfers pass stage 1 before any passes stage 2. The last decision completes the transfer in the same transaction (member moved, counters of both sides, 团籍 history, batch settled). On PostgreSQL the calls run ${result.engines.find((e) => e.engine === 'postgres')?.concurrency ?? options.transferConcurrency} at a time through the pool (--transfer-concurrency); on SQLite one at a time. "statements" counts the SQL the services send (BEGIN/COMMIT not counted). End to end = the phases added up (the report timings in between left out).`, '');
  out.push('| engine | phase | calls | transfers | time | transfers/s | calls/s | call median | call p95 | statements per call | statements/s | in flight |');
  out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const e of result.engines) {
    for (const p of e.phases) {
      out.push(`| ${ENGINE_NAMES[e.engine]} | ${p.name} | ${int(p.calls)} | ${int(p.transfers)} | ${seconds(p.ms)} | ${p.transfers === 0 ? '–' : int(p.transfersPerSecond)} | ${int(p.callsPerSecond)} | ${ms(p.call.medianMs)} ms | ${ms(p.call.p95Ms)} ms | ${(p.statements / p.calls).toFixed(1)} | ${int(p.statements / (p.ms / 1000))} | ${p.concurrency} |`);
    }
    out.push(`| ${ENGINE_NAMES[e.engine]} | **end to end** (open → completed) | ${int(e.phases.reduce((s, p) => s + p.calls, 0))} | ${int(e.plan.transfers)} | ${seconds(e.endToEnd.ms)} | **${int(e.endToEnd.transfersPerSecond)}** | | | | | | |`);
  }
  out.push('');

  out.push('Where a call\'s time goes: each kind of statement (operation and first table) timed from leaving Kysely to its answer — driver, engine and, with several calls in flight, waiting for row locks — summed over the phase and divided by its calls (ms per call, statements per call), most time first; the rest is BEGIN/COMMIT (the WAL flush on PostgreSQL), JavaScript and waiting for a pool connection, by difference from the mean call.', '');
  out.push('| engine | phase | call mean | statements by kind: ms per call (count per call) | rest |');
  out.push('|---|---|---:|---|---:|');
  for (const e of result.engines) {
    for (const p of e.phases) {
      const kinds = p.statementKinds.map((k) => `${k.label} ${ms(k.ms / p.calls)} (${(k.count / p.calls).toFixed(k.count % p.calls === 0 ? 0 : 1)})`);
      const shown = kinds.length > 8 ? [...kinds.slice(0, 8), `${kinds.length - 8} more kinds ${ms(p.statementKinds.slice(8).reduce((sum, k) => sum + k.ms, 0) / p.calls)}`] : kinds;
      const rest = p.call.meanMs - p.statementKinds.reduce((sum, k) => sum + k.ms, 0) / p.calls;
      out.push(`| ${ENGINE_NAMES[e.engine]} | ${p.name} | ${ms(p.call.meanMs)} | ${shown.join(' · ')} | ${ms(rest)} |`);
    }
  }
  out.push('');

  // ---- 3. Baselines
  out.push('## 3. Against the engine', '');
  out.push('Measured in the same run on the same database: the plain 500-row INSERT rate of organization-shaped rows into a scratch table, bare and with `organization`\'s indexes (as the organization benchmark measures it); the commit rate, one transfer_event-shaped row per transaction (BEGIN, INSERT, COMMIT through the same Kysely handle) into a scratch table with only a primary key, with as many transactions in flight as the phases have — every decision is one transaction, so no decision rate can pass it; and an empty Fastify route (bare app, one POST route parsing and answering small JSON, called through inject), the least an API call adds to a service call.', '');
  out.push('| engine | plain INSERT rows/s, bare | indexed | one-row transactions/s (in flight) | durability | empty route requests/s | transfers/s end to end | ÷ plain rows/s (bare) | decisions/s (stages 1–3) | ÷ one-row transactions/s | empty route ÷ decision median |');
  out.push('|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|');
  for (const e of result.engines) {
    const bare = e.baselines.insert.find((b) => b.variant === 'bare')!;
    const indexed = e.baselines.insert.find((b) => b.variant === 'indexed')!;
    const stages = e.phases.filter((p) => p.name.startsWith('stage')).slice(0, 3);
    const decisionRate = stages.reduce((s, p) => s + p.calls, 0) / (stages.reduce((s, p) => s + p.ms, 0) / 1000);
    const decisionMedian = stages.reduce((s, p) => s + p.call.medianMs, 0) / stages.length;
    const emptyMs = 1000 / e.baselines.emptyRoute.perSecond;
    out.push(`| ${ENGINE_NAMES[e.engine]} | ${int(bare.rowsPerSecond)} | ${int(indexed.rowsPerSecond)} | ${int(e.baselines.commit.perSecond)} (${e.baselines.commit.concurrency}) | ${e.baselines.commit.synchronous} | ${int(e.baselines.emptyRoute.perSecond)} | ${int(e.endToEnd.transfersPerSecond)} | ${pct(e.endToEnd.transfersPerSecond / bare.rowsPerSecond)} | ${int(decisionRate)} | ${pct(decisionRate / e.baselines.commit.perSecond)} | ${pct(emptyMs / decisionMedian)} |`);
  }
  out.push('');
  for (const e of result.engines) {
    const calls = e.phases.reduce((s, p) => s + p.calls, 0);
    const routeSeconds = calls / e.baselines.emptyRoute.perSecond;
    out.push(`- ${ENGINE_NAMES[e.engine]}: the ${int(calls)} service calls of the run would add at least ${seconds(routeSeconds * 1000)} of HTTP handling over the API (${pct(routeSeconds * 1000 / e.endToEnd.ms)} of the end-to-end time). A transfer sends ${(e.phases.slice(1).reduce((s, p) => s + p.statements, 0) / e.plan.transfers).toFixed(0)} statements from start to completion.`);
  }
  out.push('');

  // ---- 4. Reports
  out.push('## 4. The rate reports at this scale', '');
  out.push(`The product call as the API runs it for the province post (本级及下级 of the root): graduateRate for the graduation year, for the province (its row and one per 市州) and for a 市州 of average size (one per county), and transferResponseStats for the province. Baseline: the plain SQL giving the same numbers — one GROUP BY over graduate_batch_member under the organization keyed by child path prefix; for the response rate one GROUP BY over the decisions in transfer_event and one over the overdue open transfers, in parallel — folded into the same rows; the run fails when any row differs. Timed twice: with every transfer waiting at its first stage, and after all completed (on PostgreSQL after VACUUM ANALYZE of the three tables, as autovacuum would). Milliseconds; median and p95 over up to ${options.iterations} interleaved iterations (time box ${options.maxSecondsPerQuery} s) after up to ${Math.min(options.warmup, 3)} warm-up ones; ratio = product median ÷ baseline median.`, '');
  out.push('| engine | when | report | organization | children | its numbers | product median | product p95 | baseline median | baseline p95 | ratio | n |');
  out.push('|---|---|---|---|---:|---|---:|---:|---:|---:|---:|---:|');
  for (const e of result.engines) {
    for (const r of e.reports) {
      const numbers = Object.entries(r.counts).map(([k, v]) => `${k} ${int(v)}`).join(', ');
      out.push(`| ${ENGINE_NAMES[e.engine]} | ${POINT_LABELS[r.point]} | ${REPORT_LABELS[r.kind]} | ${LEVEL_LABELS[r.level]} ${r.orgName} | ${r.children} | ${numbers} | ${ms(r.product.medianMs)} | ${ms(r.product.p95Ms)} | ${ms(r.baseline.medianMs)} | ${ms(r.baseline.p95Ms)} | ${ratio(r.ratio)} | ${r.product.iterations} |`);
    }
  }
  out.push('');

  // ---- 5. Checks
  out.push('## 5. Checks', '');
  for (const e of result.engines) {
    const c = e.checks;
    const analyze = e.analyzeMs.length > 0 ? ` VACUUM ANALYZE before the report points: ${e.analyzeMs.map((x) => seconds(x)).join(', ')}.` : '';
    out.push(`- ${ENGINE_NAMES[e.engine]}: ${int(c.completed)} transfers completed, ${int(c.membersMoved)} members now in their receiving branch, ${int(c.settled)} graduates settled; memberStats (the counters the completions kept up) agrees with the member table for the province and its ${c.counterChildren} children (checked in ${seconds(c.counterCheckMs)}).${analyze}`);
  }
  out.push('');

  // ---- Plans
  out.push('## Query plans', '');
  out.push('The distinct statements each report sends, with the parameters of the widest one (the organization\'s own row), after all completed. PostgreSQL: EXPLAIN (ANALYZE, BUFFERS); SQLite: EXPLAIN QUERY PLAN. Every plan, at both points, is in transfers-latest.json.', '');
  for (const e of result.engines) {
    for (const p of e.plans.filter((x) => x.point === 'completed')) {
      out.push(`${ENGINE_NAMES[e.engine]}, ${REPORT_LABELS[p.kind]} for the ${LEVEL_LABELS[p.level]} post, ${p.side}:`);
      out.push('```', p.sql.replace(/\s+/g, ' ').trim(), ...p.lines, '```');
    }
  }
  return out.join('\n');
}

