import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/connect.ts';

/**
 * What a refused request must leave as it was, in a few numbers per table: the row count, the
 * highest id and, where rows change in place, sums over the columns that change. Cheap enough to
 * take before and after every fuzzed request.
 */
export type DigestSpec = Record<string, { id?: string; sums?: string[] }>;

export async function tableDigest(db: Db, spec: DigestSpec): Promise<Record<string, string>> {
  const digest: Record<string, string> = {};
  for (const [table, { id, sums = [] }] of Object.entries(spec)) {
    const parts = [sql`count(*)`, ...(id ? [sql`max(${sql.ref(id)})`] : []), ...sums.map((expression) => sql`sum(${sql.raw(expression)})`)];
    const { rows } = await sql<Record<string, unknown>>`select ${sql.join(parts)} from ${sql.table(table)}`.execute(db);
    // PostgreSQL answers counts and sums as text, SQLite as numbers: compare them as text.
    digest[table] = Object.values(rows[0] ?? {}).map((v) => (v === null ? '-' : String(v))).join('/');
  }
  return digest;
}
