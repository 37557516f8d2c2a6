import crypto from 'node:crypto';
import { sql } from 'kysely';
import { connect, type Db } from '../db/connect.ts';
import { listTables, takeCensus, type Census } from './database-census.ts';
import { findPgTool, libpqConnection, runPgTool } from './postgres-tools.ts';

async function serverMajor(db: Db): Promise<number> {
  const row = (await sql<{ server_version_num: string }>`show server_version_num`.execute(db)).rows[0];
  return Math.floor(Number(row?.server_version_num) / 10000);
}

/**
 * `pg_dump --format=custom` of the database at `url` into `destination`. The counts are taken in a
 * repeatable-read transaction whose snapshot pg_dump shares, so the manifest describes exactly
 * what the dump holds while the server keeps writing.
 */
export async function dumpPostgres(url: string, destination: string): Promise<{ census: Census; createdAt: string }> {
  const db = connect({ engine: 'postgres', url, poolSize: 1 });
  try {
    const pgDump = findPgTool('pg_dump', await serverMajor(db));
    const { dbname, env } = libpqConnection(url);
    return await db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (trx) => {
      const snapshot = (await sql<{ id: string; at: Date }>`select pg_export_snapshot() as id, now() as at`.execute(trx)).rows[0]!;
      const census = await takeCensus(trx, 'postgres');
      await runPgTool(pgDump, ['--format=custom', `--file=${destination}`, `--snapshot=${snapshot.id}`, `--dbname=${dbname}`], env);
      return { census, createdAt: snapshot.at.toISOString() };
    });
  } finally {
    await db.destroy();
  }
}

/**
 * `pg_restore --clean --if-exists --no-owner` into the database `db` is connected to (at `url`), in
 * one transaction, so that a failed restore leaves the database's tables of the backup as they were.
 * Tables the backup does not have (created by newer migrations) are dropped first: their foreign
 * keys would stop --clean from dropping the tables they reference, and the migrations that create
 * them run again in the restore check. Should pg_restore then fail, running it again completes it.
 *
 * With `privileges` the grants come back too (the application role's rights, the audit log's
 * append-only rule); they name roles, which must then exist on the server.
 */
export async function restorePostgres(db: Db, url: string, backupFile: string, options: { backupTables: string[]; privileges: boolean }): Promise<void> {
  const pgRestore = findPgTool('pg_restore', await serverMajor(db));
  const { dbname, env } = libpqConnection(url);
  const inBackup = new Set(options.backupTables);
  const extra = (await listTables(db, 'postgres')).filter((t) => !inBackup.has(t));
  if (extra.length > 0) {
    await db.transaction().execute(async (trx) => {
      for (const table of extra) await sql`drop table if exists ${sql.table(table)} cascade`.execute(trx);
    });
  }
  const args = ['--clean', '--if-exists', '--no-owner', ...(options.privileges ? [] : ['--no-acl']), '--single-transaction', `--dbname=${dbname}`, backupFile];
  try {
    await runPgTool(pgRestore, args, env);
  } catch (error) {
    const missingRole = /role "([^"]+)" does not exist/.exec(error instanceof Error ? error.message : '');
    if (!missingRole) throw error;
    throw new Error(`备份中的授权指向本服务器上不存在的角色 ${missingRole[1]}：请先建立该角色再恢复（本次恢复已回滚）/ the backup grants rights to role ${missingRole[1]}, which this server does not have: create it, then restore again (this restore was rolled back)`);
  }
  // pg_restore leaves the planner without statistics until autovacuum comes round.
  await sql`analyze`.execute(db);
}

/**
 * A new empty database beside the one at `url`, for restoring a backup without touching the live
 * data. Needs CREATEDB; says so plainly when the role does not have it.
 */
export async function createScratchDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `tuanwu_verify_${crypto.randomBytes(6).toString('hex')}`;
  const admin = connect({ engine: 'postgres', url, poolSize: 1 });
  try {
    await sql`create database ${sql.id(name)}`.execute(admin);
  } catch (error) {
    await admin.destroy();
    if ((error as { code?: string }).code === '42501') {
      throw new Error(
        `数据库角色没有 CREATEDB 权限，无法建立临时库核验备份：请授予 CREATEDB，或新建一个空库，以 TUANWU_DATABASE_URL 指向它后执行 tuanwu restore / `
        + 'the role may not create databases, so the backup cannot be restored into a temporary one: grant CREATEDB, '
        + 'or create an empty database yourself and run `tuanwu restore FILE` with TUANWU_DATABASE_URL pointing at it',
      );
    }
    throw error;
  }
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    drop: async () => {
      try {
        await sql`drop database if exists ${sql.id(name)}`.execute(admin);
      } finally {
        await admin.destroy();
      }
    },
  };
}
