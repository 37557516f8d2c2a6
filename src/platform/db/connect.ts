import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Database } from './schema.ts';

export type Engine = 'sqlite' | 'postgres';

/** A Kysely handle plus the engine behind it, for the few places where SQL differs. */
export type Db = Kysely<Database> & { readonly engine: Engine };

export type ConnectOptions =
  | { engine: 'sqlite'; file: string }
  | { engine: 'postgres'; url: string; poolSize?: number };

// PostgreSQL returns int8 (count(*), bigint ids) as strings by default; every such value
// in this schema fits in a double, so parse it to a number once for the whole process.
pg.types.setTypeParser(20, (value: string) => Number(value));

export function connect(options: ConnectOptions): Db {
  const kysely = options.engine === 'sqlite' ? openSqlite(options.file) : openPostgres(options);
  return Object.assign(kysely, { engine: options.engine }) as Db;
}

function openSqlite(file: string): Kysely<Database> {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  // Without this, LIKE 'prefix%' on the org path cannot use the index (DESIGN.md, measured).
  database.pragma('case_sensitive_like = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

function openPostgres(options: { url: string; poolSize?: number }): Kysely<Database> {
  // JIT compilation pays off for long analytic queries, not for pages: it added ~35 ms to every
  // plan costed above jit_above_cost (a city's member count), so sessions run without it.
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, options: '-c jit=off' });
  // An idle connection the server ends (a restart, a failover, an administrator's terminate) is
  // dropped from the pool and replaced at the next query; unheard, the pool's error would end the process.
  pool.on('error', (error) => console.error(`数据库空闲连接已断开，将自动重连 / an idle database connection was closed and will be replaced: ${error.message}`));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Choose the engine from configuration: PostgreSQL when a URL is given, else the SQLite file. */
export function connectFromConfig(config: { databaseUrl: string | null; dataDir: string }): Db {
  if (config.databaseUrl) return connect({ engine: 'postgres', url: config.databaseUrl });
  return connect({ engine: 'sqlite', file: path.join(config.dataDir, 'tuanwu.sqlite') });
}

/** True when the database answers a trivial query. */
export async function isDatabaseUp(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
