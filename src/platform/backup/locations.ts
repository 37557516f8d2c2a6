import path from 'node:path';
import type { AppConfig } from '../config/config.ts';
import type { Engine } from '../db/connect.ts';

/** The engine of the installation: PostgreSQL when a URL is configured, as connectFromConfig decides. */
export function configuredEngine(config: Pick<AppConfig, 'databaseUrl'>): Engine {
  return config.databaseUrl ? 'postgres' : 'sqlite';
}

/** The SQLite file of an installation, as connectFromConfig opens it. */
export function sqliteFileOf(config: Pick<AppConfig, 'dataDir'>): string {
  return path.join(config.dataDir, 'tuanwu.sqlite');
}

/** `20260314T020000Z`: sorts by time and is a valid file name everywhere. */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** `<dataDir>/backups/tuanwu-<engine>-<UTC time>.<sqlite|dump>` */
export function defaultBackupFile(config: Pick<AppConfig, 'dataDir'>, engine: Engine, at: Date): string {
  return path.join(config.dataDir, 'backups', `tuanwu-${engine}-${fileStamp(at)}.${engine === 'sqlite' ? 'sqlite' : 'dump'}`);
}
