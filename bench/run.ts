/**
 * `npm run bench`: generate a province-scale organization tree on SQLite (and PostgreSQL when
 * TUANWU_BENCH_DATABASE_URL is set), then time the org service's subtree listing against the
 * plain indexed SQL on the same data. Markdown goes to stdout, progress to stderr, and the
 * numbers to bench/results/latest.json.
 *
 * `npm run bench -- --members`: build the whole province (organizations, then members), then time
 * the Excel import, the scoped member list and the per-child statistics against the engine's own
 * rates and plain SQL; numbers to bench/results/members-latest.json.
 *
 * `npm run bench -- --transfers`: build the province, run the graduate transfers through the
 * services stage by stage, and time the graduate-rate and response-rate reports against plain
 * SQL; numbers to bench/results/transfers-latest.json.
 *
 * `npm run bench -- --workplan`: build the tree, import the Sichuan work plan, cascade it to every
 * 市州 and county and report a year of progress through the services, then time the board, task
 * detail, supervision and ledger against plain SQL reading the plan's reports; numbers to
 * bench/results/workplan-latest.json.
 */
// First: it must replace a module of exceljs before anything loads exceljs (see the file).
import './exceljs-utf8-fix.ts';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchEngine, type EngineResult } from './bench-engine.ts';
import { benchMembersEngine, type MemberEngineResult } from './member-bench-engine.ts';
import { renderMembersMarkdown, type MemberBenchResult } from './member-report.ts';
import { parseBenchOptions } from './options.ts';
import { plansWithoutPathIndex, renderMarkdown, writeJson, type BenchResult } from './report.ts';
import { openScratchPostgres, openScratchSqlite, type ScratchDatabase } from './scratch-database.ts';
import { benchTransfersEngine, type TransferEngineResult } from './transfer-bench-engine.ts';
import { renderTransfersMarkdown, type TransferBenchResult } from './transfer-report.ts';
import { benchWorkplanEngine, type WorkplanEngineResult } from './workplan-bench-engine.ts';
import { renderWorkplanMarkdown, type WorkplanBenchResult } from './workplan-report.ts';

const options = parseBenchOptions(process.argv.slice(2), process.env);
const mode = options.workplan ? 'workplan' : options.transfers ? 'transfers' : options.members ? 'members' : 'orgs';
const RESULTS_FILE = fileURLToPath(new URL({ orgs: './results/latest.json', members: './results/members-latest.json', transfers: './results/transfers-latest.json', workplan: './results/workplan-latest.json' }[mode], import.meta.url));

const log = (line: string) => console.error(`» ${new Date().toISOString().slice(11, 19)} ${line}`);
const startedAt = new Date().toISOString();

// Ctrl-C in the middle of a run must not leave a throwaway database behind.
const open: ScratchDatabase[] = [];
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    log(`${signal}: removing the scratch databases`);
    void Promise.allSettled(open.map((s) => s.dispose())).then(() => process.exit(130));
  });
}

type AnyEngineResult = EngineResult | MemberEngineResult | TransferEngineResult | WorkplanEngineResult;

async function run(scratch: ScratchDatabase): Promise<AnyEngineResult> {
  try {
    if (mode === 'workplan') return await benchWorkplanEngine(scratch, options, log);
    if (mode === 'transfers') return await benchTransfersEngine(scratch, options, log);
    return mode === 'members' ? await benchMembersEngine(scratch, options, log) : await benchEngine(scratch, options, log);
  } catch (error) {
    // Closing the database under a running query makes it fail; by the time that failure
    // arrives here the database is gone, so end quietly instead of printing it as a crash.
    if (interrupted) process.exit(130);
    throw error;
  }
}

// PostgreSQL's database is created first so that a wrong URL fails before minutes of SQLite work.
if (options.only === 'postgres' && !options.postgresUrl) throw new Error('--only postgres needs TUANWU_BENCH_DATABASE_URL or --postgres');
if (options.postgresUrl && options.only !== 'sqlite') open.push(await openScratchPostgres(options.postgresUrl));
if (options.only !== 'postgres') open.unshift(openScratchSqlite());
const engines: AnyEngineResult[] = [];
try {
  for (const scratch of open) engines.push(await run(scratch));
} finally {
  // When one engine fails, the databases of the engines after it still exist.
  await Promise.allSettled(open.map((s) => s.dispose()));
}

const { postgresUrl, ...shown } = options;
const result = {
  startedAt,
  finishedAt: new Date().toISOString(),
  machine: {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
  },
  commit: gitCommit(),
  // The URL may carry a password; the report only says whether PostgreSQL ran.
  options: { ...shown, postgres: postgresUrl !== null },
};

if (mode === 'workplan') {
  const workplan: WorkplanBenchResult = { ...result, engines: engines as WorkplanEngineResult[] };
  console.log(renderWorkplanMarkdown(workplan));
  writeJson(workplan, RESULTS_FILE);
  // Also under a name of its own, so that a quick check does not overwrite the last full run.
  const sized = fileURLToPath(new URL(`./results/workplan-${options.orgs}${options.only ? `-${options.only}` : ''}.json`, import.meta.url));
  writeJson(workplan, sized);
  log(`wrote ${RESULTS_FILE} and ${sized}`);
} else if (mode === 'transfers') {
  const transfers: TransferBenchResult = { ...result, engines: engines as TransferEngineResult[] };
  console.log(renderTransfersMarkdown(transfers));
  writeJson(transfers, RESULTS_FILE);
  // Also under a name of its own, so that a quick check does not overwrite the last full run.
  const sized = fileURLToPath(new URL(`./results/transfers-${options.transferTotal}${options.only ? `-${options.only}` : ''}.json`, import.meta.url));
  writeJson(transfers, sized);
  log(`wrote ${RESULTS_FILE} and ${sized}`);
} else if (mode === 'members') {
  const members: MemberBenchResult = { ...result, engines: engines as MemberEngineResult[] };
  console.log(renderMembersMarkdown(members));
  writeJson(members, RESULTS_FILE);
  // Also under a name of its own, so that a quick check does not overwrite the last full run.
  const sized = fileURLToPath(new URL(`./results/members-${options.memberTotal}${options.only ? `-${options.only}` : ''}.json`, import.meta.url));
  writeJson(members, sized);
  log(`wrote ${RESULTS_FILE} and ${sized}`);
} else {
  const orgs: BenchResult = { ...result, engines: engines as EngineResult[] };
  console.log(renderMarkdown(orgs));
  writeJson(orgs, RESULTS_FILE);
  log(`wrote ${RESULTS_FILE}`);

  const unfair = plansWithoutPathIndex(orgs).filter((p) => p.side === 'baseline');
  if (unfair.length > 0) {
    log(`WARNING: ${unfair.length} baseline plan(s) do not read the path index, so their ratios are not a fair comparison`);
    process.exitCode = 1;
  }
}

/** The commit measured, marked when the working tree has changes the numbers include. */
function gitCommit(): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return null;
  }
}
