import crypto from 'node:crypto';
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { Db } from '../src/platform/db/connect.ts';
import type { NewMemberRow } from '../src/platform/db/schema.ts';
import type { InsertVariant } from './insert-baseline.ts';
import { yieldToEventLoop } from './yield-to-signals.ts';

/** Rows per INSERT: what seedProvinceMembers and the import (insert-imported-members.ts) both use. */
export const MEMBER_INSERT_BATCH = 500;

const TABLE = 'bench_member_scratch';

export type MemberInsertBaselineResult = {
  variant: InsertVariant;
  rows: number;
  /** Executing the compiled INSERTs (driver + engine): what the rate is computed from. */
  ms: number;
  rowsPerSecond: number;
  /** Building and compiling the same INSERTs with Kysely (not in `ms`), for the cost of the query builder. */
  compileMs: number;
  /** Indexes on the scratch table, the primary key included (checked against `member`). */
  indexes: number;
};

/**
 * The engine's own insert rate for member-shaped rows: a scratch table with exactly the columns
 * of `member` (copied from the catalog), either with only the primary key ('bare') or with every
 * index and the foreign key `member` has ('indexed'), filled with multi-row INSERTs of 500 rows,
 * each its own transaction, in the order the seeder writes (branch by branch, so org_path grows
 * as in `member`; blind indexes random as HMACs are). Only executing the compiled statements is
 * timed; compiling them with Kysely is timed apart.
 */
export async function measureMemberInsertRate(db: Db, rows: number, variant: InsertVariant, log: (line: string) => void): Promise<MemberInsertBaselineResult> {
  const indexes = await createScratchTable(db, variant);
  const scratch = db.withTables<{ [TABLE]: NewMemberRow }>() as unknown as Kysely<{ [TABLE]: NewMemberRow }>;
  const rowsOf = memberShapedRows(await branchesOf(db), rows);
  let ms = 0;
  let compileMs = 0;
  let written = 0;
  try {
    for (const batch of rowsOf) {
      let started = performance.now();
      const compiled = scratch.insertInto(TABLE).values(batch).compile();
      compileMs += performance.now() - started;
      started = performance.now();
      await db.executeQuery(compiled);
      ms += performance.now() - started;
      written += batch.length;
      if (written % 500_000 === 0) log(`${db.engine}: plain INSERT (${variant}) ${written.toLocaleString('en-US')} rows`);
      await yieldToEventLoop();
    }
  } finally {
    await sql`drop table ${sql.table(TABLE)}`.execute(db);
  }
  return { variant, rows: written, ms, rowsPerSecond: written / (ms / 1000), compileMs, indexes };
}

/**
 * Execute already compiled INSERTs of member rows into `member` itself in ONE transaction, as the
 * import does, then roll back: the engine's rate for exactly these rows on the loaded table.
 */
export async function timeRolledBackInserts(db: Db, batches: CompiledQuery[]): Promise<{ rows: number; ms: number; rowsPerSecond: number }> {
  let ms = 0;
  let rows = 0;
  const rollback = new Error('bench: roll back');
  try {
    await db.transaction().execute(async (trx) => {
      for (const compiled of batches) {
        const started = performance.now();
        const result = await trx.executeQuery(compiled);
        ms += performance.now() - started;
        rows += Number(result.numAffectedRows ?? 0);
      }
      throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
  return { rows, ms, rowsPerSecond: rows / (ms / 1000) };
}

type Branch = { id: number; path: string };

async function branchesOf(db: Db): Promise<Branch[]> {
  return db.selectFrom('organization').select(['id', 'path']).where('type', '=', 'branch').where('status', '=', 'active').orderBy('id').execute();
}

/** Batches of rows with the lengths and key distribution of seeded members, spread over the branches as the seeder does. */
function* memberShapedRows(branches: Branch[], total: number): Generator<NewMemberRow[]> {
  const now = new Date().toISOString();
  const perBranch = total / branches.length;
  let made = 0;
  let batch: NewMemberRow[] = [];
  for (let b = 0; b < branches.length && made < total; b++) {
    const branch = branches[b]!;
    const count = Math.min(total - made, Math.round((b + 1) * perBranch) - Math.round(b * perBranch));
    for (let i = 0; i < count; i++) {
      batch.push(memberShapedRow(branch, made, i, now));
      made++;
      if (batch.length === MEMBER_INSERT_BATCH) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

// Random bytes drawn 64 KiB at a time: one system call per few hundred values instead of one per value.
let pool = Buffer.alloc(0);
let poolAt = 0;
const b64 = (bytes: number) => {
  if (poolAt + bytes > pool.length) {
    pool = crypto.randomBytes(65536);
    poolAt = 0;
  }
  poolAt += bytes;
  return pool.toString('base64url', poolAt - bytes, poolAt);
};

function memberShapedRow(branch: Branch, serial: number, indexInBranch: number, now: string): NewMemberRow {
  const birthYear = 1998 + (serial % 12);
  const joinYear = birthYear + 15 + (serial % 3);
  const secretary = indexInBranch === 0;
  return {
    org_id: branch.id,
    org_path: branch.path,
    name: ['王伟', '李秀英', '张思远', '刘子涵', '陈一诺'][serial % 5]!,
    name_initials: ['ww', 'lxy', 'zsy', 'lzh', 'cyn'][serial % 5]!,
    id_type: 'resident',
    // The stored forms have the lengths FieldCipher and BlindIndex give: 'v1.' nonce.tag.body, 43-character HMACs.
    id_number_enc: `v1.${b64(12)}.${b64(16)}.${b64(18)}`,
    id_number_index: b64(32),
    id_number_masked: '510107**********34',
    birth_date: `${birthYear}-${String(1 + (serial % 12)).padStart(2, '0')}-${String(1 + (serial % 28)).padStart(2, '0')}`,
    sex: serial % 2 === 0 ? 'male' : 'female',
    ethnicity: serial % 20 === 0 ? '07' : '01',
    political_status: serial % 7 === 0 ? 'party_member' : 'league_member',
    education_full_time: 'junior_college',
    education_highest: 'bachelor',
    occupation: 'freelancer',
    income_band: serial % 3 === 0 ? null : 'from_2000_to_5000',
    joined_league_on: `${joinYear}-05`,
    development_number: joinYear >= 2017 ? `${joinYear}${String(serial % 100_000_000).padStart(8, '0')}` : null,
    league_post: secretary ? 'secretary' : null,
    is_cadre: secretary ? 1 : 0,
    cadre_nature: secretary ? 'part_time' : null,
    phone_enc: `v1.${b64(12)}.${b64(16)}.${b64(11)}`,
    phone_index: b64(32),
    phone_masked: '138****5678',
    joined_party_on: null,
    volunteer_registered_on: serial % 5 < 3 ? '2023-09-01' : null,
    household: null,
    workplace: null,
    status: 'normal',
    is_active: 1,
    created_at: now,
    updated_at: now,
  };
}

/** Create the scratch table from `member`'s own definition; returns its number of indexes, the primary key included. */
async function createScratchTable(db: Db, variant: InsertVariant): Promise<number> {
  const indexed = variant === 'indexed';
  if (db.engine === 'postgres') {
    // LIKE copies the columns with their types, collations (org_path is "C"), defaults and identity.
    if (indexed) {
      await sql`create table ${sql.table(TABLE)} (like member including all)`.execute(db);
      await sql`alter table ${sql.table(TABLE)} add foreign key (org_id) references organization (id)`.execute(db);
    } else {
      await sql`create table ${sql.table(TABLE)} (like member including defaults including identity)`.execute(db);
      await sql`alter table ${sql.table(TABLE)} add primary key (id)`.execute(db);
    }
  } else {
    const { rows } = await sql<{ type: string; sql: string | null }>`select type, sql from sqlite_master where tbl_name = 'member' and sql is not null`.execute(db);
    const table = rows.find((r) => r.type === 'table')!.sql!;
    let ddl = table.replace(/^CREATE TABLE "member"/, `CREATE TABLE "${TABLE}"`);
    if (ddl === table) throw new Error(`unexpected DDL of member: ${table}`);
    if (!indexed) ddl = ddl.replace(/\s+references "organization" \("id"\)/, '').replace(/("development_number" text) unique/, '$1');
    await sql.raw(ddl).execute(db);
    if (indexed) {
      for (const r of rows.filter((row) => row.type === 'index')) {
        await sql.raw(r.sql!.replace(/\bINDEX\s+"?(\w+)"?/i, `INDEX "bench_$1"`).replace(/\bon\s+"?member"?\s*\(/i, `on "${TABLE}" (`)).execute(db);
      }
    }
  }
  const [scratchCount, memberCount] = [await indexCount(db, TABLE), await indexCount(db, 'member')];
  if (indexed ? scratchCount !== memberCount : scratchCount !== 1) {
    throw new Error(`scratch table (${variant}) has ${scratchCount} indexes, member has ${memberCount}`);
  }
  return scratchCount;
}

/** Indexes of a table, counting SQLite's INTEGER PRIMARY KEY (the rowid) as one. */
async function indexCount(db: Db, table: string): Promise<number> {
  if (db.engine === 'postgres') {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_indexes where tablename = ${table}`.execute(db);
    return Number(rows[0]!.n);
  }
  const { rows } = await sql<{ n: number }>`select count(*) as n from pragma_index_list(${table})`.execute(db);
  return Number(rows[0]!.n) + 1;
}
