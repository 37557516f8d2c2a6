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
};

const USAGE = `npm run bench -- [--orgs N] [--iterations N] [--warmup N] [--max-seconds S] [--postgres URL]

  --orgs N          organizations to generate (default 250000, env TUANWU_BENCH_ORGS)
  --iterations N    measured iterations per query (default 200)
  --warmup N        warm-up iterations per query (default 20)
  --max-seconds S   time box per product/baseline pair (default 10)
  --postgres URL    also run on PostgreSQL (env TUANWU_BENCH_DATABASE_URL); the role must be
                    allowed to create and drop databases`;

export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      orgs: { type: 'string' },
      iterations: { type: 'string' },
      warmup: { type: 'string' },
      'max-seconds': { type: 'string' },
      postgres: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    orgs: positiveInt('--orgs', values.orgs ?? env.TUANWU_BENCH_ORGS ?? '250000'),
    postgresUrl: values.postgres ?? (env.TUANWU_BENCH_DATABASE_URL || null),
    iterations: positiveInt('--iterations', values.iterations ?? '200'),
    warmup: positiveInt('--warmup', values.warmup ?? '20'),
    maxSecondsPerQuery: positiveInt('--max-seconds', values['max-seconds'] ?? '10'),
  };
}

function positiveInt(name: string, text: string): number {
  // Accept 250_000 and 250,000 as people write them.
  const n = Number(text.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: 需要正整数 / must be a positive integer, got '${text}'\n\n${USAGE}`);
  return n;
}
