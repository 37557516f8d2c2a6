import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { connect } from '../db/connect.ts';
import { holdsOrganizations, takeCensus, type Census } from './database-census.ts';

/**
 * Copy a live SQLite database into `destination` (an existing empty file, so its mode is kept)
 * through SQLite's online backup, and count what the copy holds.
 */
export async function backupSqlite(liveFile: string, destination: string): Promise<Census> {
  if (!fs.existsSync(liveFile)) throw new Error(`没有数据库文件 / no database at ${liveFile}`);
  const source = new SqliteDatabase(liveFile, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // After a first small step, copy every page in one step: one read transaction, hence one
    // consistent snapshot. A running server keeps writing meanwhile (WAL readers block no writer).
    await source.backup(destination, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const copy = new SqliteDatabase(destination, { fileMustExist: true });
  try {
    // A self-contained single file: no -wal beside it to forget when the backup is moved.
    copy.pragma('journal_mode = DELETE');
    return await takeCensus(new Kysely<any>({ dialect: new SqliteDialect({ database: copy }) }), 'sqlite');
  } finally {
    copy.close();
  }
}

/** Whether the SQLite database at `file` holds organizations; refuses when another process has it open. */
export async function inspectSqliteTarget(file: string): Promise<{ holdsOrganizations: boolean }> {
  if (!fs.existsSync(file)) return { holdsOrganizations: false };
  const db = connect({ engine: 'sqlite', file });
  let held: boolean;
  try {
    held = await holdsOrganizations(db, 'sqlite');
  } finally {
    await db.destroy();
  }
  // The last connection to close checkpoints the WAL and deletes it; if it is still there, another
  // process (a running server) has the database open, and replacing the file under it would lose
  // its writes or have SQLite replay a stale WAL onto the restored file.
  if (fs.existsSync(`${file}-wal`)) {
    throw new Error(`数据库正在被使用（服务是否仍在运行？）：请先停止服务再恢复 / the database is in use (is the server running?): stop it before restoring (${file}-wal is open)`);
  }
  return { holdsOrganizations: held };
}

/**
 * Put a verified backup file in place of the database at `file`: copied beside it, then renamed
 * over it, so a crash leaves either the old database or the new one. The file it replaces is kept
 * as `<file>.replaced-<time>` (returned), in case the wrong backup was restored.
 */
export function placeSqliteFile(backupFile: string, file: string, stamp: string): string | null {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const incoming = `${file}.restoring-${process.pid}`;
  fs.copyFileSync(backupFile, incoming);
  fs.chmodSync(incoming, 0o600);
  const fd = fs.openSync(incoming, 'r');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  let kept: string | null = null;
  if (fs.existsSync(file)) {
    kept = `${file}.replaced-${stamp}`;
    fs.renameSync(file, kept);
  }
  for (const leftover of [`${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(leftover, { force: true });
  fs.renameSync(incoming, file);
  return kept;
}
