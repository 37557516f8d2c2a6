import type { BenchResult } from './report.ts';
import type { WorkplanEngineResult } from './workplan-bench-engine.ts';
import { int, minutes, ms, pct, ratio, seconds } from './number-format.ts';

/** One work-plan run on every engine, as written to results/workplan-latest.json. */
export type WorkplanBenchResult = Omit<BenchResult, 'engines'> & { engines: WorkplanEngineResult[] };

const ENGINE_NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;
const SIDE_LABELS = { boardProvince: 'planBoard for the province', boardCity: 'planBoard for the 市州', ledgerProvince: 'planLedger for the province (beyond the board\'s)', floor: 'floor (a)', floorCity: 'floor in view of the 市州', candidate: 'candidate (latest facts by GROUP BY)' } as const;

export function renderWorkplanMarkdown(result: WorkplanBenchResult): string {
  const out: string[] = [];
  const { machine, options } = result;
  const first = result.engines[0];
  out.push(`# Tuanwu work-plan benchmark — ${int(options.orgs)} organizations, ${first ? `${int(first.setup.reports.expected)} progress reports` : 'no engine ran'}`, '');
  out.push(`${result.startedAt} · Node ${machine.node} · ${machine.platform} · ${machine.cpus} × ${machine.cpuModel} · ${machine.memoryGb} GB · commit ${result.commit ?? 'unknown'}`);
  out.push(`Engines: ${result.engines.map((e) => `${ENGINE_NAMES[e.engine]} ${e.version}`).join(', ')}${options.postgres ? '' : ' (set TUANWU_BENCH_DATABASE_URL to add PostgreSQL)'}. Run time ${minutes(Date.parse(result.finishedAt) - Date.parse(result.startedAt))}.`, '');

  // ---- 1. The plan
  out.push('## 1. The plan and its cascade', '');
  out.push('seedProvinceScale, no members (the member_stat counters stay empty, so a target bound to members.active would read nothing; none is bound). Then, through the services only: the province post (scope 全部) imports the Sichuan seed plan (`../shared/seed/000_822da9a7e9b50668.txt`, parsePlanDocument → planInputFromParse → createPlan) for the year before this one, every target confirmed; binds the 90 % target to transfers.graduateRate (no graduates in this database: it reads no figure) and adds a 团组织数 target bound to orgs.active (5 % above today\'s active organizations) to a task without targets; assigns every task to the 21 市州 (assignTask) with an even share of its first count target as quota; each 市州 post (本级及下级) splits every task to all its counties, its share split evenly again; then every assigned organization, as its own post, reports monthly for all 12 months (createReport: a text, a share done, and a figure for each confirmed target not bound to a metric, climbing through the year).', '');
  out.push('| engine | organizations | tree seed | tasks | targets extracted | bound | with quotas | 市州 / counties | assignments (top + split) | quotas | reports | figures | measured 市州 post |');
  out.push('|---|---:|---:|---:|---:|---|---:|---|---:|---:|---:|---:|---|');
  for (const e of result.engines) {
    const s = e.setup;
    out.push(`| ${ENGINE_NAMES[e.engine]} | ${int(e.tree.orgs)} | ${seconds(e.tree.seedMs)} | ${s.tasks} | ${s.parse.targets} | 90 % → transfers.graduateRate (${s.bound.rateTask}); +团组织数 ≥ ${int(s.bound.orgsValue)} → orgs.active (${s.bound.orgsTask}) | ${s.quotaTasks} tasks | ${s.cities} / ${s.counties} | ${int(s.assignments.top)} + ${int(s.assignments.county)} | ${int(s.assignments.quotas)} | ${int(s.reports.expected)} | ${int(s.reports.figuresExpected)} | ${s.city.name} (${s.city.counties} counties) |`);
  }
  out.push('');

  // ---- 2. Setup throughput
  out.push('## 2. Setting it up through the services', '');
  out.push(`Each phase\'s wall time, the rows it added to the work-plan tables (audit entries counted apart), and its calls; on PostgreSQL the split and the reports run ${result.engines.find((e) => e.engine === 'postgres')?.concurrency ?? options.workplanConcurrency} calls at a time through the pool (--workplan-concurrency), on SQLite one at a time. "statements" counts the SQL the services send (BEGIN/COMMIT not counted). Parsing the document (not a service call) took ${result.engines.map((e) => `${ms(e.setup.parse.ms)} ms`).join(' / ')} for ${first ? int(first.setup.parse.bytes) : 0} bytes.`, '');
  out.push('| engine | phase | calls | rows written | audit entries | time | rows/s | calls/s | call median | call p95 | statements per call | in flight |');
  out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const e of result.engines) {
    for (const p of e.phases) {
      const tables = Object.entries(p.rowsByTable).map(([t, k]) => `${t} ${int(k)}`).join(', ');
      out.push(`| ${ENGINE_NAMES[e.engine]} | ${p.name} | ${int(p.calls)} | ${int(p.rows)} (${tables}) | ${int(p.auditEntries)} | ${seconds(p.ms)} | ${int(p.rowsPerSecond)} | ${int(p.callsPerSecond)} | ${ms(p.call.medianMs)} ms | ${ms(p.call.p95Ms)} ms | ${(p.statements / p.calls).toFixed(1)} | ${p.concurrency} |`);
    }
    out.push(`| ${ENGINE_NAMES[e.engine]} | **all phases** | ${int(e.endToEnd.calls)} | ${int(e.endToEnd.rows)} | | ${seconds(e.endToEnd.ms)} | **${int(e.endToEnd.rowsPerSecond)}** | | | | | |`);
  }
  out.push('');
  out.push('Where a call\'s time goes: each kind of statement (operation and first table) timed from leaving Kysely to its answer, summed over the phase and divided by its calls (ms per call, statements per call), most time first; the rest is BEGIN/COMMIT, JavaScript and waiting for a pool connection, by difference from the mean call.', '');
  out.push('| engine | phase | call mean | statements by kind: ms per call (count per call) | rest |');
  out.push('|---|---|---:|---|---:|');
  for (const e of result.engines) {
    for (const p of e.phases) {
      const kinds = p.statementKinds.map((k) => `${k.label} ${ms(k.ms / p.calls)} (${(k.count / p.calls).toFixed(k.count % p.calls === 0 ? 0 : 1)})`);
      const shown = kinds.length > 8 ? [...kinds.slice(0, 8), `${kinds.length - 8} more kinds ${ms(p.statementKinds.slice(8).reduce((sum, k) => sum + k.ms, 0) / p.calls)}`] : kinds;
      out.push(`| ${ENGINE_NAMES[e.engine]} | ${p.name} | ${ms(p.call.meanMs)} | ${shown.join(' · ')} | ${ms(p.call.meanMs - p.statementKinds.reduce((sum, k) => sum + k.ms, 0) / p.calls)} |`);
    }
  }
  out.push('');

  // ---- 3. Against the engine
  out.push('## 3. Against the engine', '');
  out.push('Measured in the same run on the same database: plain 500-row INSERTs of organization-shaped rows into a scratch table, as many rows as there are reports, bare and with `organization`\'s indexes (insert-baseline.ts); one-row transactions (BEGIN, INSERT, COMMIT) with as many in flight as the report phase has — every createReport is one transaction, so no report rate can pass it; an empty Fastify route through inject (the transfer benchmark\'s), the least an API call adds.', '');
  out.push('| engine | plain INSERT rows/s, bare | indexed | one-row transactions/s (in flight) | durability | reports/s (createReport) | ÷ one-row transactions/s | report rows/s (reports + figures) | ÷ plain rows/s (bare) | setup rows/s, all phases | empty route requests/s |');
  out.push('|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|');
  for (const e of result.engines) {
    const bare = e.baselines.insert.find((b) => b.variant === 'bare')!;
    const indexed = e.baselines.insert.find((b) => b.variant === 'indexed')!;
    const reports = e.phases.find((p) => p.name.startsWith('monthly reports'))!;
    out.push(`| ${ENGINE_NAMES[e.engine]} | ${int(bare.rowsPerSecond)} | ${int(indexed.rowsPerSecond)} | ${int(e.baselines.commit.perSecond)} (${e.baselines.commit.concurrency}) | ${e.baselines.commit.synchronous} | ${int(reports.callsPerSecond)} | ${pct(reports.callsPerSecond / e.baselines.commit.perSecond)} | ${int(reports.rowsPerSecond)} | ${pct(reports.rowsPerSecond / bare.rowsPerSecond)} | ${int(e.endToEnd.rowsPerSecond)} | ${int(e.baselines.emptyRoute.perSecond)} |`);
  }
  out.push('');

  // ---- 4. Reads
  out.push('## 4. Reading the plan', '');
  out.push(`The service calls as the API runs them (the route adds the JSON or the workbook), for the province post (owner of the plan) and for the 市州 post (assignee: only its own assignments and its counties\'). Baseline (a), the floor for "read everything": the plain SQL loading the raw rows progress is computed from — every report of the plan (id, organization, task, share done, time) and every figure with its report\'s organization, joined through plan_task by plan id, both ordered by id, in parallel (${first ? `${int(first.floorRows.reports)} + ${int(first.floorRows.figures)} rows` : '–'}). Every call is measured interleaved with (a) and its ratio is to (a); a call that needs fewer rows (one task, one 市州) also has the same plain SQL narrowed to those rows ("in view"), measured against (a) in the same way. Milliseconds; median and p95 over up to ${options.iterations} interleaved iterations (time box ${options.maxSecondsPerQuery} s) after up to ${Math.min(options.warmup, 3)} warm-up ones. "route" = an empty Fastify request as a share of the product median.`, '');
  out.push('| engine | call | post | product median | product p95 | floor (a) median | floor p95 | ratio to (a) | rows in view | in-view floor median | product ÷ in-view floor | route | n |');
  out.push('|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const e of result.engines) {
    const routeMs = 1000 / e.baselines.emptyRoute.perSecond;
    for (const m of e.measurements) {
      const v = m.inView;
      out.push(`| ${ENGINE_NAMES[e.engine]} | ${m.label} | ${m.orgName} | **${ms(m.product.medianMs)}** | ${ms(m.product.p95Ms)} | ${ms(m.floor.medianMs)} | ${ms(m.floor.p95Ms)} | **${ratio(m.ratio)}** | ${v ? `${int(v.rows.reports)} + ${int(v.rows.figures)}` : 'all'} | ${v ? ms(v.timing.medianMs) : '–'} | ${v ? ratio(v.ratio) : '–'} | ${pct(routeMs / m.product.medianMs)} | ${m.product.iterations} |`);
    }
    const c = e.candidate;
    out.push(`| ${ENGINE_NAMES[e.engine]} | *candidate: the latest facts by GROUP BY (not in src/)* | – | ${ms(c.product.medianMs)} | ${ms(c.product.p95Ms)} | ${ms(c.floor.medianMs)} | ${ms(c.floor.p95Ms)} | ${ratio(c.ratio)} | all | – | – | – | ${c.product.iterations} |`);
  }
  out.push('');
  out.push('Candidate for src/ (plain SQL in this benchmark, checked to give the product\'s answer): "latest facts" = what loadProgressFacts keeps from the reports — the time of the last report and the last share done per organization and task, the last figure per organization and target — reduced by GROUP BY in the engine instead of reading every report of the plan (the row above, against (a)).', '');
  out.push(`Candidate index (created in the scratch database after everything else, measured, dropped): ${first?.indexExperiment.index ?? '–'}, for the assignee, whose reports the product selects by task_id IN (…) and org_path LIKE — without it the engine reads every report of those tasks through plan_report_task_idx and keeps the 市州's (plans below).`, '');
  out.push('| engine | call | without the index: median | with it: median | with it: p95 | floor (a) median | with it: ratio to (a) |');
  out.push('|---|---|---:|---:|---:|---:|---:|');
  for (const e of result.engines) {
    const x = e.indexExperiment;
    const board = e.measurements.find((m) => m.kind === 'boardCity');
    out.push(`| ${ENGINE_NAMES[e.engine]} | planBoard (assignee) | ${board ? ms(board.product.medianMs) : '–'} | **${ms(x.boardCity.product.medianMs)}** | ${ms(x.boardCity.product.p95Ms)} | ${ms(x.boardCity.floor.medianMs)} | ${ratio(x.boardCity.ratio)} |`);
    out.push(`| ${ENGINE_NAMES[e.engine]} | floor in view of the 市州 | ${board?.inView ? ms(board.inView.timing.medianMs) : '–'} | ${ms(x.floorCity.product.medianMs)} | ${ms(x.floorCity.product.p95Ms)} | ${ms(x.floorCity.floor.medianMs)} | ${ratio(x.floorCity.ratio)} |`);
  }
  out.push('');

  // ---- 5. Where the time goes
  out.push('## 5. Where the time goes', '');
  out.push('Each call run 3 more times through a handle that charges every statement the wall time from its start (or the previous statement\'s answer, when later) to its answer — so that the statements a call sends at once (Promise.all over the units) are not counted several times over — summed per statement (its columns and tables) and divided by the runs; "rest" = the mean call minus its statements, i.e. JavaScript with no statement outstanding (progress roll-up, DTOs, the workbook). "answer" = the JSON the route would send (the ledger: the workbook) and the time JSON.stringify takes for it.', '');
  out.push('| engine | call | mean | statements per call | in statements | by kind: ms (count) | rest | answer | stringify |');
  out.push('|---|---|---:|---:|---:|---|---:|---:|---:|');
  for (const e of result.engines) {
    for (const b of e.breakdowns) {
      const kinds = [...b.statementKinds].sort((x, y) => y.ms - x.ms).map((k) => `${k.label} ${ms(k.ms)} (${Number.isInteger(k.count) ? k.count : k.count.toFixed(1)})`);
      const shown = kinds.length > 5 ? [...kinds.slice(0, 5), `${kinds.length - 5} more kinds ${ms([...b.statementKinds].sort((x, y) => y.ms - x.ms).slice(5).reduce((sum, k) => sum + k.ms, 0))}`] : kinds;
      out.push(`| ${ENGINE_NAMES[e.engine]} | ${b.label} | ${ms(b.meanMs)} | ${int(b.statements)} | ${ms(b.statementMs)} | ${shown.join(' · ')} | ${ms(b.restMs)} | ${kb(b.answerBytes)} | ${b.kind === 'ledgerProvince' ? '–' : ms(b.stringifyMs)} |`);
    }
  }
  out.push('');
  out.push('The province board in its parts (median of 5 runs, ms): the plan view and loadProgressFacts (every assignment, quota, report and figure of the plan); ProgressCalculator over every task with a fresh MetricCache (the metric queries: each (metric, organization) once per request, i.e. once per unit of a bound task); and the same calculator a second time with the metrics cached (JavaScript only: the roll-up walks each unit\'s children by filtering the task\'s assignments).', '');
  out.push('| engine | tasks | units | plan view + facts | progress, metrics computed | progress, metrics cached |');
  out.push('|---|---:|---:|---:|---:|---:|');
  for (const e of result.engines) {
    const p = e.boardParts;
    out.push(`| ${ENGINE_NAMES[e.engine]} | ${p.tasks} | ${int(p.units)} | ${ms(p.facts.medianMs)} | ${ms(p.progressColdMetrics.medianMs)} | ${ms(p.progressCachedMetrics.medianMs)} |`);
  }
  out.push('');

  const executions = result.engines.filter((e) => e.engine === 'postgres').flatMap((e) => e.plans.filter((p) => p.side === 'boardProvince' || p.side === 'boardCity' || p.side === 'ledgerProvince').map((p) => ({ e, p, ...serverTimes(p.lines) })));
  if (executions.length > 0) {
    out.push('On PostgreSQL a call\'s statements run side by side on the pool\'s connections, so the charge above goes to whichever answers last; the server\'s own time for each distinct statement of the boards and the ledger, from its EXPLAIN ANALYZE (one run, the parameters of its first run), most first:', '');
    out.push('| call | statement | parameters | planning ms | execution ms |');
    out.push('|---|---|---:|---:|---:|');
    for (const x of executions.sort((a, b) => b.execution + b.planning - (a.execution + a.planning)).slice(0, 12)) {
      out.push(`| ${SIDE_LABELS[x.p.side]} | \`${shorten(x.p.sql).slice(0, 160)}\` | ${int(x.p.parameters)} | ${ms(x.planning)} | ${ms(x.execution)} |`);
    }
    out.push('');
  }

  // ---- 6. Checks
  out.push('## 6. Checks', '');
  for (const e of result.engines) {
    const c = e.checks;
    const sample = c.rollupTargets.slice(0, 3).map((t) => `${t.current} = ${t.sql}`).join(', ');
    const analyze = e.analyzeMs === null ? '' : ` VACUUM ANALYZE of the work-plan tables after the setup: ${seconds(e.analyzeMs)}.`;
    out.push(`- ${ENGINE_NAMES[e.engine]}: the plan holds ${int(c.reports)} reports and ${int(c.figures)} figures, as reported. For all ${c.rollupTargets.length} reported count targets the province board's figure equals the plain-SQL sum of the 市州's latest figures (e.g. ${sample}) and the 市州 board's its own latest figure; 团组织数 (orgs.active) on the province board ${int(c.orgsActive.current)} = the active organizations counted by SQL. Task detail lists ${int(c.detail.provinceAssignments)} assignments for the province and ${c.detail.cityAssignments} for the 市州. The candidate's facts equal loadProgressFacts' (${int(c.candidate.lastReports)} last reports, ${int(c.candidate.percents)} shares done, ${int(c.candidate.figures)} figures). Checked in ${seconds(c.ms)}.${analyze}`);
  }
  out.push('');

  // ---- Plans
  out.push('## Query plans', '');
  out.push('Each distinct SELECT of the province board, then those the 市州 board and the ledger add (long lists of parameters shortened), of the floors and of the candidate, with the parameters of its first run (the audit chain\'s writes of the ledger left out). PostgreSQL: EXPLAIN (ANALYZE, BUFFERS); SQLite: EXPLAIN QUERY PLAN. Also in workplan-latest.json.', '');
  for (const e of result.engines) {
    for (const p of e.plans) {
      out.push(`${ENGINE_NAMES[e.engine]}, ${SIDE_LABELS[p.side]} (${int(p.parameters)} parameters):`);
      out.push('```', shorten(p.sql), ...p.lines, '```');
    }
    for (const p of e.indexExperiment.plans) {
      out.push(`${ENGINE_NAMES[e.engine]}, ${SIDE_LABELS[p.side]}, with the candidate index (${int(p.parameters)} parameters):`);
      out.push('```', shorten(p.sql), ...p.lines, '```');
    }
  }
  return out.join('\n');
}

/** Planning and execution time from the last lines of PostgreSQL's EXPLAIN ANALYZE. */
function serverTimes(lines: string[]): { planning: number; execution: number } {
  const find = (label: string) => Number(/([\d.]+) ms/.exec(lines.find((l) => l.startsWith(label)) ?? '')?.[1] ?? 0);
  return { planning: find('Planning Time'), execution: find('Execution Time') };
}

/** The SQL on one line, with runs of more than six parameters shown as a count. */
function shorten(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/(?:(?:\?|\$\d+), ){6,}(?:\?|\$\d+)/g, (run) => `${run.split(',').length} parameters`);
}

function kb(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.round(bytes / 1024)} kB`;
}

