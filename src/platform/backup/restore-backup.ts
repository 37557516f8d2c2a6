import type { AppConfig } from '../config/config.ts';
import { connect, type Db } from '../db/connect.ts';
import { manifestPathFor, readManifest } from './backup-manifest.ts';
import { checkRestoredDatabase, startReport } from './check-restore.ts';
import { holdsOrganizations } from './database-census.ts';
import { requireKeyRing } from './key-file.ts';
import { configuredEngine, fileStamp, sqliteFileOf } from './locations.ts';
import { restorePostgres } from './postgres-backup.ts';
import type { RestoreReport } from './restore-report.ts';
import { inspectSqliteTarget, placeSqliteFile } from './sqlite-backup.ts';

export type RestoreOptions = {
  file: string;
  /** Default: `<file>.manifest.json`. */
  manifestFile?: string;
  /** Replace a database that already holds organizations. */
  force?: boolean;
};

const refusal = '数据库中已有组织数据，恢复会将其替换：确认无误后加 --force / the database already holds organizations and a restore replaces them: add --force if that is intended';

/**
 * Restore a backup into the configured database, then check it against the manifest. Nothing is
 * touched when the file does not match the manifest's SHA-256 or the keys are missing.
 */
export async function restoreBackup(config: AppConfig, options: RestoreOptions): Promise<RestoreReport> {
  const manifest = readManifest(options.manifestFile ?? manifestPathFor(options.file));
  const engine = configuredEngine(config);
  if (manifest.engine !== engine) {
    throw new Error(`这是 ${manifest.engine} 备份，而配置的数据库是 ${engine} / this is a ${manifest.engine} backup but the configured database is ${engine}`);
  }
  const ring = requireKeyRing(config);
  const report = startReport(options.file, manifest);
  if (!report.sha256.ok) return report;

  let db: Db;
  if (engine === 'sqlite') {
    const file = sqliteFileOf(config);
    const target = await inspectSqliteTarget(file);
    if (target.holdsOrganizations && !options.force) throw new Error(refusal);
    const kept = placeSqliteFile(options.file, file, fileStamp(new Date()));
    if (kept) report.notes.push(`被替换的数据库保存为 / the replaced database is kept as ${kept}`);
    db = connect({ engine: 'sqlite', file });
  } else {
    db = connect({ engine: 'postgres', url: config.databaseUrl!, poolSize: 2 });
    try {
      if ((await holdsOrganizations(db, 'postgres')) && !options.force) throw new Error(refusal);
      await restorePostgres(db, config.databaseUrl!, options.file, { backupTables: Object.keys(manifest.tables), privileges: true });
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  try {
    await checkRestoredDatabase(db, ring, report);
  } finally {
    await db.destroy();
  }
  return report;
}
