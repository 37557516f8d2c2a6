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

export const INDEX_EXPERIMENTS: IndexExperiment[] = [
  {
    name: 'birth-order',
    description: 'index member (birth_date, id): a page sorted by birth date read in index order, stopping after 20 matches (measured before: 161× faster for a city on SQLite, but a 21-member branch page took 5 s)',
    create: both(['create index bench_member_birth_order on member (birth_date, id)']),
    drop: both(['drop index bench_member_birth_order']),
    bytes: pgIndexBytes(['bench_member_birth_order']),
  },
  {
    name: 'sqlite-cache',
    description: 'PRAGMA cache_size = -262144 (256 MB instead of the 2 MB default) and mmap_size = 1 GB on the connection (connect.ts sets neither)',
    create: { sqlite: ['pragma cache_size = -262144', 'pragma mmap_size = 1073741824'], postgres: [] },
    drop: { sqlite: ['pragma cache_size = -2000', 'pragma mmap_size = 0'], postgres: [] },
  },
];
