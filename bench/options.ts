import { parseArgs } from 'node:util';

/** What one benchmark run does; every field can be set on the command line. */
export type BenchOptions = {
  /** Organizations to generate on each engine. */
  orgs: number;
  /** PostgreSQL server to create a throwaway database on; null runs SQLite only. */
  postgresUrl: string | null;
  /** Measured iterations per query (after the warm-up). */
  iterations: number;
  /** Warm-up iterations per query, not measured. */
  warmup: number;
  /** Upper bound on the measured time of one product/baseline pair, in seconds. */
  maxSecondsPerQuery: number;
  /** Run the member benchmark (province build, import, member list, statistics) instead of the org one. */
  members: boolean;
  /** Members to generate on each engine (members run only). */
  memberTotal: number;
  /** Rows of the generated import workbook (members run only). */
  importRows: number;
  /** Rows of each plain-INSERT baseline of the member build; the default is the member total. */
  memberBaselineRows: number;
  /** Try candidate indexes in the scratch database and measure the member list again. */
  indexExperiments: boolean;
  /** Only these experiments (by name); null runs them all. */
  experiments: string[] | null;
  /** Run on this engine only (null: SQLite, and PostgreSQL when a URL is given). */
  only: 'sqlite' | 'postgres' | null;
  /** Leave out the Excel import (members run only). */
  skipImport: boolean;
  /** Run the transfer benchmark (graduate batches, four-stage transfers, the rate reports) instead of the org one. */
  transfers: boolean;
  /** Graduate transfers to run through all stages (transfers run only). */
  transferTotal: number;
  /** Service calls in flight at once on PostgreSQL (transfers run only; SQLite always runs one at a time). */
  transferConcurrency: number;
  /** Run the work-plan benchmark (the Sichuan plan cascaded to every 市州 and county, a year of reports, the board) instead of the org one. */
  workplan: boolean;
  /** Service calls in flight at once on PostgreSQL while the work plan is set up (workplan run only; SQLite always runs one at a time). */
  workplanConcurrency: number;
};

const USAGE = `npm run bench -- [--orgs N] [--iterations N] [--warmup N] [--max-seconds S] [--postgres URL]
npm run bench -- --members [--member-total N] [--import-rows N] [--baseline-rows N] [--no-experiments] [same options]
npm run bench -- --transfers [--transfer-total N] [--member-total N] [--transfer-concurrency N] [same options]
npm run bench -- --workplan [--workplan-concurrency N] [same options]

  --orgs N          organizations to generate (default 250000, env TUANWU_BENCH_ORGS)
  --iterations N    measured iterations per query (default 200)
  --warmup N        warm-up iterations per query (default 20)
  --max-seconds S   time box per product/baseline pair (default 10)
  --postgres URL    also run on PostgreSQL (env TUANWU_BENCH_DATABASE_URL); the role must be
                    allowed to create and drop databases

  --members         the member benchmark instead of the organization one: build the province
                    (organizations, then members), time the Excel import, the scoped member list
                    and the per-child statistics (results/members-latest.json)
  --member-total N  members to generate (default 4500000, env TUANWU_BENCH_MEMBERS)
  --import-rows N   rows of the generated import workbook (default 100000)
  --baseline-rows N rows of each plain-INSERT baseline of the member build (default: the member total)
  --no-experiments  skip the candidate-index experiments on the member list
  --experiment NAME run only this candidate (repeatable; names in member-index-experiments.ts)
  --skip-import     leave out the Excel import
  --only ENGINE     run on sqlite or postgres only

  --transfers       the transfer benchmark: build the province, mark branches of school committees
                    as graduating, then through the services open the graduate batches, assign
                    destinations, approve every transfer at its four stages until completed, and
                    time the graduate-rate and response-rate reports (results/transfers-latest.json)
  --transfer-total N
                    graduate transfers to run (default 200000, env TUANWU_BENCH_TRANSFERS); needs
                    enough members in school branches: --member-total (default 4500000) counts too
  --transfer-concurrency N
                    service calls in flight at once on PostgreSQL (default 4, at most the pool's
                    10); SQLite runs one at a time

  --workplan        the work-plan benchmark: build the organization tree, import the Sichuan seed
                    plan through the services, cascade its 39 tasks to the 21 市州 and on to their
                    183 counties, report monthly for a whole year (about 95,000 reports), then time
                    the board, task detail, supervision and ledger against plain SQL reading the
                    plan's reports (results/workplan-latest.json)
  --workplan-concurrency N
                    service calls in flight at once on PostgreSQL while setting the plan up
                    (default 4, at most 10); SQLite runs one at a time`;

export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      orgs: { type: 'string' },
      iterations: { type: 'string' },
      warmup: { type: 'string' },
      'max-seconds': { type: 'string' },
      postgres: { type: 'string' },
      members: { type: 'boolean' },
      'member-total': { type: 'string' },
      'import-rows': { type: 'string' },
      'baseline-rows': { type: 'string' },
      'no-experiments': { type: 'boolean' },
      'skip-import': { type: 'boolean' },
      experiment: { type: 'string', multiple: true },
      only: { type: 'string' },
      transfers: { type: 'boolean' },
      'transfer-total': { type: 'string' },
      'transfer-concurrency': { type: 'string' },
      workplan: { type: 'boolean' },
      'workplan-concurrency': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const modes = (['members', 'transfers', 'workplan'] as const).filter((m) => values[m]);
  if (modes.length > 1) throw new Error(`${modes.map((m) => `--${m}`).join(' and ')}: one benchmark at a time\n\n${USAGE}`);
  const memberTotal = positiveInt('--member-total', values['member-total'] ?? env.TUANWU_BENCH_MEMBERS ?? '4500000');
  return {
    orgs: positiveInt('--orgs', values.orgs ?? env.TUANWU_BENCH_ORGS ?? '250000'),
    postgresUrl: values.postgres ?? (env.TUANWU_BENCH_DATABASE_URL || null),
    iterations: positiveInt('--iterations', values.iterations ?? '200'),
    warmup: positiveInt('--warmup', values.warmup ?? '20'),
    maxSecondsPerQuery: positiveInt('--max-seconds', values['max-seconds'] ?? '10'),
    members: values.members ?? false,
    memberTotal,
    importRows: positiveInt('--import-rows', values['import-rows'] ?? '100000'),
    memberBaselineRows: values['baseline-rows'] === undefined ? memberTotal : positiveInt('--baseline-rows', values['baseline-rows']),
    indexExperiments: !(values['no-experiments'] ?? false),
    experiments: values.experiment ?? null,
    only: onlyEngine(values.only),
    skipImport: values['skip-import'] ?? false,
    transfers: values.transfers ?? false,
    transferTotal: positiveInt('--transfer-total', values['transfer-total'] ?? env.TUANWU_BENCH_TRANSFERS ?? '200000'),
    transferConcurrency: concurrency('--transfer-concurrency', values['transfer-concurrency']),
    workplan: values.workplan ?? false,
    workplanConcurrency: concurrency('--workplan-concurrency', values['workplan-concurrency']),
  };
}

function onlyEngine(text: string | undefined): 'sqlite' | 'postgres' | null {
  if (text === undefined) return null;
  if (text === 'sqlite' || text === 'postgres') return text;
  throw new Error(`--only: sqlite or postgres, got '${text}'\n\n${USAGE}`);
}

// The scratch database's pool has 10 connections (connect()'s default); more workers would only queue for them.
function concurrency(name: string, text: string | undefined): number {
  const n = positiveInt(name, text ?? '4');
  if (n > 10) throw new Error(`${name}: at most 10 (the pool's size), got ${n}\n\n${USAGE}`);
  return n;
}

function positiveInt(name: string, text: string): number {
  // Accept 250_000 and 250,000 as people write them.
  const n = Number(text.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: 需要正整数 / must be a positive integer, got '${text}'\n\n${USAGE}`);
  return n;
}
