import { CompiledQuery, sql } from 'kysely';
import type { Db } from '../src/platform/db/connect.ts';

export type QueryPlan = {
  /** The plan as the engine prints it, one line per node. */
  lines: string[];
  /** The index on organization.path the plan reads, or null when it reads none. */
  pathIndex: string | null;
};

/**
 * EXPLAIN a compiled statement with its real parameters: both engines choose the LIKE-prefix
 * range scan only when they see the bound value (SQLite re-plans when the binding changes,
 * node-postgres' unnamed statements are planned with their values).
 */
export async function explain(db: Db, query: CompiledQuery): Promise<QueryPlan> {
  const lines = await explainLines(db, query);
  const indexes = await pathIndexNames(db);
  return { lines, pathIndex: indexes.find((name) => lines.some((line) => usesIndex(line, name))) ?? null };
}

/**
 * The plan of a compiled statement, one line per node. `analyze` (PostgreSQL only) runs the
 * statement and adds actual times, row counts and buffers to every node; SQLite has no such mode.
 */
export async function explainLines(db: Db, query: CompiledQuery, options: { analyze?: boolean } = {}): Promise<string[]> {
  const prefix = db.engine === 'sqlite' ? 'explain query plan ' : options.analyze ? 'explain (analyze, buffers) ' : 'explain ';
  const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(prefix + query.sql, [...query.parameters]));
  if (db.engine === 'postgres') return result.rows.map((row) => String(row['QUERY PLAN']));
  // SQLite: indent each node under its parent, as the sqlite3 shell draws it.
  const depth = new Map<number, number>([[0, -1]]);
  return result.rows.map((row) => {
    const d = (depth.get(Number(row.parent)) ?? -1) + 1;
    depth.set(Number(row.id), d);
    return `${'  '.repeat(d)}${String(row.detail)}`;
  });
}

function usesIndex(line: string, index: string): boolean {
  // SQLite: 'SEARCH organization USING COVERING INDEX sqlite_autoindex_organization_1 (path>? AND path<?)'
  // PostgreSQL: 'Index Only Scan using organization_path_key on organization' / 'Bitmap Index Scan on …'
  return new RegExp(`\\b(INDEX|using|on) ${index}\\b`).test(line);
}

/** Names of the indexes whose first column is organization.path, read from the catalog. */
async function pathIndexNames(db: Db): Promise<string[]> {
  if (db.engine === 'sqlite') {
    const { rows } = await sql<{ name: string }>`
      select il.name from pragma_index_list('organization') il
      where (select ii.name from pragma_index_info(il.name) ii where ii.seqno = 0) = 'path'`.execute(db);
    return rows.map((r) => r.name);
  }
  const { rows } = await sql<{ name: string }>`
    select i.relname as name from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]
    where t.relname = 'organization' and a.attname = 'path'`.execute(db);
  return rows.map((r) => r.name);
}
