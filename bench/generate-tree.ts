import { sql } from 'kysely';
import type { Db } from '../src/platform/db/connect.ts';
import { randomKeyRing } from '../src/platform/pii/keys.ts';
import { prepareDatabase } from '../src/platform/runtime.ts';
import { seedProvinceScale } from '../src/seed/province-scale.ts';
import { yieldingDb } from './yield-to-signals.ts';

export type GenerationResult = {
  /** Organizations written (the Sichuan frame plus the synthetic grassroots). */
  orgs: number;
  /** Migrations and built-in roles, on an empty database. */
  prepareMs: number;
  /** seedProvinceScale alone: inserts, child counts, sequence. */
  seedMs: number;
  rowsPerSecond: number;
  /** PostgreSQL only: VACUUM ANALYZE after the load (not part of seedMs). */
  vacuumAnalyzeMs: number | null;
};

/** Migrate an empty database and grow the province-scale tree on it, timing each step. */
export async function generateTree(db: Db, total: number): Promise<GenerationResult> {
  let started = performance.now();
  await prepareDatabase({ db, auditKey: randomKeyRing().auditKey });
  const prepareMs = performance.now() - started;

  started = performance.now();
  const orgs = await seedProvinceScale(yieldingDb(db), total, { progress: true });
  const seedMs = performance.now() - started;

  // Autovacuum would analyze the freshly loaded table within a minute or so; doing it now keeps
  // the planner from switching plans in the middle of the measurements, and sets the visibility
  // map that index-only scans need, as on a server that has been running for a while.
  // SQLite is left as the product ships it (the product never runs ANALYZE there).
  let vacuumAnalyzeMs: number | null = null;
  if (db.engine === 'postgres') {
    started = performance.now();
    await sql`vacuum analyze organization`.execute(db);
    vacuumAnalyzeMs = performance.now() - started;
  }
  return { orgs, prepareMs, seedMs, rowsPerSecond: orgs / (seedMs / 1000), vacuumAnalyzeMs };
}
