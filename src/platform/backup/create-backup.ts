import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config/config.ts';
import { describeBackup, manifestPathFor, writeManifest, type BackupManifest } from './backup-manifest.ts';
import type { Census } from './database-census.ts';
import { configuredEngine, defaultBackupFile, sqliteFileOf } from './locations.ts';
import { dumpPostgres } from './postgres-backup.ts';
import { backupSqlite } from './sqlite-backup.ts';

export type CreatedBackup = { file: string; manifestFile: string; manifest: BackupManifest };

/**
 * Back up the configured database while it may be serving, then write the manifest beside the
 * file. Both are readable by the owner only: the backup holds personal data (encrypted fields
 * aside, names and organizations are in clear). Never overwrites an earlier backup.
 */
export async function createBackup(config: AppConfig, options: { out?: string } = {}): Promise<CreatedBackup> {
  const engine = configuredEngine(config);
  const started = new Date();
  const file = path.resolve(options.out ?? defaultBackupFile(config, engine, started));
  const manifestFile = manifestPathFor(file);
  for (const existing of [file, manifestFile]) {
    if (fs.existsSync(existing)) throw new Error(`文件已存在，不覆盖 / will not overwrite ${existing}`);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written under a temporary name and renamed when complete, so a backup file is never a partial one.
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, '', { mode: 0o600, flag: 'wx' });
  let taken: { census: Census; createdAt: string };
  try {
    taken = engine === 'sqlite'
      ? { census: await backupSqlite(sqliteFileOf(config), partial), createdAt: started.toISOString() }
      : await dumpPostgres(config.databaseUrl!, partial);
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    fs.rmSync(`${partial}-journal`, { force: true });
    throw error;
  }
  const manifest = describeBackup(engine, taken.createdAt, file, taken.census);
  writeManifest(manifestFile, manifest);
  return { file, manifestFile, manifest };
}
