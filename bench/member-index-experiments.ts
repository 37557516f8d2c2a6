import { sql } from 'kysely';
import type { Db, Engine } from '../src/platform/db/connect.ts';

/**
 * Candidate changes for the member list, applied to the scratch database only (never in a
 * migration), measured with the product code unchanged, and undone again. Each says what it is
 * meant to fix. An engine with no statements skips the experiment.
 */
export type IndexExperiment = {
  name: string;
  description: string;
  create: Record<Engine, string[]>;
  drop: Record<Engine, string[]>;
  /** Size of what was created, in bytes, when the engine can tell. */
  bytes?: (db: Db) => Promise<number | null>;
  /** Wait until the change reaches every pooled connection (after create and after drop). */
  settle?: (db: Db) => Promise<void>;
};

/**
 * ALTER DATABASE … SET reaches new sessions only. node-postgres closes a pooled connection after
 * 10 s idle (idleTimeoutMillis), so after 11 s without queries every connection is a new one.
 */
const waitForNewSessions = async (db: Db): Promise<void> => {
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  await sql`select 1`.execute(db);
};

const pgIndexBytes = (names: string[]) => async (db: Db): Promise<number | null> => {
  if (db.engine !== 'postgres') return null;
  let total = 0;
  for (const name of names) {
    const { rows } = await sql<{ n: number }>`select pg_relation_size(${name}::regclass)::bigint as n`.execute(db);
    total += Number(rows[0]?.n ?? 0);
  }
  return total;
};

const both = (statements: string[]): Record<Engine, string[]> => ({ sqlite: statements, postgres: statements });

const SORT_INDEXES = ['create index bench_member_name_order on member (name_initials, name, id)', 'create index bench_member_birth_order on member (birth_date, id)'];
const DROP_SORT_INDEXES = ['drop index bench_member_name_order', 'drop index bench_member_birth_order'];

export const INDEX_EXPERIMENTS: IndexExperiment[] = [
  {
    name: 'path-sex-birth',
    description: 'index member (org_path, sex, birth_date): the filter answered inside the index, so the count reads no table rows',
    create: both(['create index bench_member_path_sex_birth on member (org_path, sex, birth_date)']),
    drop: both(['drop index bench_member_path_sex_birth']),
    bytes: pgIndexBytes(['bench_member_path_sex_birth']),
  },
  {
    name: 'sort-orders',
    description: 'indexes member (name_initials, name, id) and (birth_date, id): the page read in its sort order, stopping after 20 matches',
    create: both(SORT_INDEXES),
    drop: both(DROP_SORT_INDEXES),
    bytes: pgIndexBytes(['bench_member_name_order', 'bench_member_birth_order']),
  },
  {
    name: 'sort-orders+analyze',
    description: 'the same two indexes, and ANALYZE (SQLite: PRAGMA analysis_limit = 1000) so that SQLite\'s planner knows the row counts PostgreSQL\'s already has',
    create: { sqlite: [...SORT_INDEXES, 'pragma analysis_limit = 1000', 'analyze'], postgres: [] },
    drop: { sqlite: [...DROP_SORT_INDEXES, 'drop table if exists sqlite_stat1', 'drop table if exists sqlite_stat4'], postgres: [] },
  },
  {
    name: 'recommended',
    description: 'PostgreSQL as recommended: index (org_path, sex, birth_date) for the filtered count, index (name_initials, name, id) for the name order (not (birth_date, id), which the count planner misuses), and jit = off for the database (JIT compiles for ~35 ms whenever a plan costs over 100,000)',
    create: {
      sqlite: [],
      postgres: [
        'create index bench_member_path_sex_birth on member (org_path, sex, birth_date)',
        'create index bench_member_name_order on member (name_initials, name, id)',
        'alter database "{database}" set jit = off',
      ],
    },
    drop: {
      sqlite: [],
      postgres: ['drop index bench_member_path_sex_birth', 'drop index bench_member_name_order', 'alter database "{database}" reset jit'],
    },
    bytes: pgIndexBytes(['bench_member_path_sex_birth', 'bench_member_name_order']),
    settle: waitForNewSessions,
  },
  {
    name: 'sqlite-cache',
    description: 'PRAGMA cache_size = -262144 (256 MB instead of the 2 MB default) and mmap_size = 1 GB on the connection (connect.ts sets neither)',
    create: { sqlite: ['pragma cache_size = -262144', 'pragma mmap_size = 1073741824'], postgres: [] },
    drop: { sqlite: ['pragma cache_size = -2000', 'pragma mmap_size = 0'], postgres: [] },
  },
];
