import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppConfig } from '../config/config.ts';
import { connect } from '../db/connect.ts';
import { manifestPathFor, readManifest } from './backup-manifest.ts';
import { checkRestoredDatabase, startReport } from './check-restore.ts';
import { requireKeyRing } from './key-file.ts';
import { createScratchDatabase, restorePostgres } from './postgres-backup.ts';
import type { RestoreReport } from './restore-report.ts';

/**
 * The restore drill: restore a backup into a temporary database (a SQLite file in the system's
 * temporary directory, or a new database on the configured PostgreSQL server), run the restore
 * check, and throw the temporary database away. The live database is not touched.
 */
export async function verifyBackup(config: AppConfig, options: { file: string; manifestFile?: string }): Promise<RestoreReport> {
  const manifest = readManifest(options.manifestFile ?? manifestPathFor(options.file));
  const ring = requireKeyRing(config);
  const report = startReport(options.file, manifest);
  if (!report.sha256.ok) return report;

  if (manifest.engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuanwu-verify-'));
    const file = path.join(dir, 'tuanwu.sqlite');
    try {
      fs.copyFileSync(options.file, file);
      const db = connect({ engine: 'sqlite', file });
      try {
        await checkRestoredDatabase(db, ring, report);
      } finally {
        await db.destroy();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return report;
  }

  if (!config.databaseUrl) {
    throw new Error('PostgreSQL 备份要在 PostgreSQL 上核验：请设置 TUANWU_DATABASE_URL / a PostgreSQL backup is verified on a PostgreSQL server: set TUANWU_DATABASE_URL');
  }
  const scratch = await createScratchDatabase(config.databaseUrl);
  try {
    const db = connect({ engine: 'postgres', url: scratch.url, poolSize: 2 });
    try {
      // Grants are left out: the drill checks the data, and roles differ from server to server.
      await restorePostgres(db, scratch.url, options.file, { backupTables: Object.keys(manifest.tables), privileges: false });
      await checkRestoredDatabase(db, ring, report);
    } finally {
      await db.destroy();
    }
  } finally {
    await scratch.drop();
  }
  return report;
}
