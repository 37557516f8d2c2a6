import { sql } from 'kysely';
import type { Db } from '../src/platform/db/connect.ts';
import { yieldToEventLoop } from './yield-to-signals.ts';

/** Rows per INSERT: the batch size seedProvinceScale gives OrgTreeWriter, so both pay the same round trips. */
export const INSERT_BATCH = 500;

const TABLE = 'bench_insert_scratch';

/** The 22 columns of `organization`, with the same types. */
type ScratchRow = {
  id: number; parent_id: number | null; path: string; depth: number; name: string; short_name: string | null;
  name_initials: string; type: string; kind: string; industry_category: string; region_code: string | null;
  founded_on: string | null; last_election_on: string | null; term_years: number | null; contact_name: string | null;
  contact_phone_enc: string | null; status: string; deactivated_at: string | null; deactivation_reason: string | null;
  child_count: number; created_at: string; updated_at: string;
};

export type InsertVariant = 'bare' | 'indexed';

export type InsertBaselineResult = { variant: InsertVariant; rows: number; ms: number; rowsPerSecond: number };

/**
 * The engine's own insert rate for rows shaped like organizations: multi-row INSERTs of
 * INSERT_BATCH rows, each its own transaction as in the seeder, through the same Kysely handle.
 * 'bare' has only the primary key; 'indexed' adds what `organization` carries (unique path,
 * (parent_id, name), the parent foreign key), so the seeder's rate divided by it
 * is the cost of the seeder's own work (tree layout, pinyin, child counts) rather than of the table.
 * Only the INSERT statements are timed, not building the rows.
 */
export async function measureInsertRate(db: Db, rows: number, variant: InsertVariant): Promise<InsertBaselineResult> {
  await createScratchTable(db, variant);
  const scratch = db.withTables<{ [TABLE]: ScratchRow }>();
  const now = new Date().toISOString();
  const paths: string[] = [''];
  let ms = 0;
  try {
    for (let first = 1; first <= rows; first += INSERT_BATCH) {
      const batch: ScratchRow[] = [];
      for (let id = first; id < first + INSERT_BATCH && id <= rows; id++) {
        // An 8-way tree about as deep (6 levels at 250,000) as the province's.
        const parentId = id === 1 ? null : Math.floor((id - 2) / 8) + 1;
        const parentPath = parentId === null ? '/' : paths[parentId]!;
        paths[id] = `${parentPath}${id}/`;
        batch.push({
          id, parent_id: parentId, path: paths[id]!, depth: parentPath.split('/').length - 2,
          name: `成都市武侯区第${id}中学团委第1团总支`, short_name: null, name_initials: `cdswhqd${id}zxtw`,
          type: 'branch', kind: 'normal', industry_category: 'senior_high', region_code: '510107',
          founded_on: null, last_election_on: '2023-05-15', term_years: 2, contact_name: null, contact_phone_enc: null,
          status: 'active', deactivated_at: null, deactivation_reason: null, child_count: 0, created_at: now, updated_at: now,
        });
      }
      const started = performance.now();
      await scratch.insertInto(TABLE).values(batch).execute();
      ms += performance.now() - started;
      await yieldToEventLoop();
    }
  } finally {
    await sql`drop table ${sql.table(TABLE)}`.execute(db);
  }
  return { variant, rows, ms, rowsPerSecond: rows / (ms / 1000) };
}

async function createScratchTable(db: Db, variant: InsertVariant): Promise<void> {
  const postgres = db.engine === 'postgres';
  const indexed = variant === 'indexed';
  // Mirrors migrations/0001-foundation.ts; the path collation matters for PostgreSQL's index.
  const pathType = postgres ? sql`text collate "C"` : sql`text`;
  const parentRef = indexed ? sql`references ${sql.table(TABLE)}(id)` : sql``;
  const pathUnique = indexed ? sql`unique` : sql``;
  await sql`create table ${sql.table(TABLE)} (
    id integer primary key, parent_id integer ${parentRef}, path ${pathType} not null ${pathUnique}, depth integer not null,
    name text not null, short_name text, name_initials text not null, type text not null, kind text not null,
    industry_category text not null, region_code text, founded_on text, last_election_on text, term_years integer,
    contact_name text, contact_phone_enc text, status text not null, deactivated_at text, deactivation_reason text,
    child_count integer not null default 0, created_at text not null, updated_at text not null
  )`.execute(db);
  if (!indexed) return;
  await sql`create index ${sql.id(`${TABLE}_parent_idx`)} on ${sql.table(TABLE)} (parent_id, name)`.execute(db);
}
