import { sql, type Kysely } from 'kysely';
import type { Engine } from '../db/connect.ts';

/** What a database holds, for comparing a backup with the database restored from it. */
export type Census = {
  /** Applied migrations, by name in order. */
  migrations: string[];
  /** Row count of every table, by table name in order. */
  tables: Record<string, number>;
  /** The audit chain's head: the last entry's seq and hash (seq 0 and the genesis hash when empty). */
  auditHead: { lastSeq: number; lastHash: string };
};

/**
 * Count everything through one handle. On PostgreSQL the caller passes a repeatable-read
 * transaction, so the counts describe one snapshot even while the server keeps writing.
 */
export async function takeCensus(db: Kysely<any>, engine: Engine): Promise<Census> {
  const names = await listTables(db, engine);
  const tables: Record<string, number> = {};
  for (const name of names) tables[name] = await countRows(db, name);
  const migrations = names.includes('schema_migration')
    ? (await sql<{ name: string }>`select name from schema_migration order by name`.execute(db)).rows.map((r) => r.name)
    : [];
  const head = names.includes('audit_head')
    ? (await sql<{ last_seq: number | string; last_hash: string }>`select last_seq, last_hash from audit_head where id = 1`.execute(db)).rows[0]
    : undefined;
  return { migrations, tables, auditHead: { lastSeq: Number(head?.last_seq ?? 0), lastHash: head?.last_hash ?? '0'.repeat(64) } };
}

/** The application's tables (SQLite's own and PostgreSQL's catalogs left out), sorted by name. */
export async function listTables(db: Kysely<any>, engine: Engine): Promise<string[]> {
  const rows = engine === 'sqlite'
    ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and substr(name, 1, 7) <> 'sqlite_'`.execute(db)).rows
    : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)).rows;
  return rows.map((r) => r.name).sort();
}

export async function countRows(db: Kysely<any>, table: string): Promise<number> {
  const row = (await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0];
  return Number(row?.n ?? 0);
}

/** True when the database holds at least one organization: then it is in use and a restore would replace real data. */
export async function holdsOrganizations(db: Kysely<any>, engine: Engine): Promise<boolean> {
  if (!(await listTables(db, engine)).includes('organization')) return false;
  return (await sql`select 1 from organization limit 1`.execute(db)).rows.length > 0;
}
