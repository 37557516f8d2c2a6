import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Engine } from '../db/connect.ts';
import type { Census } from './database-census.ts';

/** What a backup held when it was taken, written beside it as `<file>.manifest.json`. */
export type BackupManifest = Census & {
  format: typeof MANIFEST_FORMAT;
  engine: Engine;
  /** ISO-8601 UTC instant the backup's snapshot was taken. */
  createdAt: string;
  /** The backup file's name, without its directory (backups get moved between machines). */
  file: string;
  bytes: number;
  sha256: string;
  /** Said in the manifest too, so whoever finds a backup alone learns where the rest is. */
  keys: typeof KEYS_NOTE;
};

const MANIFEST_FORMAT = 'tuanwu-backup/1';
export const KEYS_NOTE = 'not included: the field-encryption and audit keys live in the key file (TUANWU_KEY_FILE), which is backed up separately and kept apart';

export function manifestPathFor(backupFile: string): string {
  return `${backupFile}.manifest.json`;
}

export function describeBackup(engine: Engine, createdAt: string, file: string, census: Census): BackupManifest {
  const bytes = fs.statSync(file).size;
  return { format: MANIFEST_FORMAT, engine, createdAt, file: file.split(/[\\/]/).pop()!, bytes, sha256: sha256OfFile(file), keys: KEYS_NOTE, ...census };
}

export function writeManifest(manifestFile: string, manifest: BackupManifest): void {
  fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
}

export function readManifest(manifestFile: string): BackupManifest {
  if (!fs.existsSync(manifestFile)) {
    throw new Error(`找不到备份清单 ${manifestFile}：每个备份旁都写有清单，请一并复制，或用 --manifest 指明 / manifest not found: it is written beside every backup; copy it along or name it with --manifest`);
  }
  const parsed = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Partial<BackupManifest>;
  const valid = parsed.format === MANIFEST_FORMAT && (parsed.engine === 'sqlite' || parsed.engine === 'postgres')
    && typeof parsed.sha256 === 'string' && typeof parsed.tables === 'object' && parsed.tables !== null
    && Array.isArray(parsed.migrations) && typeof parsed.auditHead === 'object' && parsed.auditHead !== null;
  if (!valid) throw new Error(`不是团务备份清单 / not a Tuanwu backup manifest (${MANIFEST_FORMAT}): ${manifestFile}`);
  return parsed as BackupManifest;
}

/** Streamed in chunks: a province's dump is gigabytes. */
export function sha256OfFile(file: string): string {
  const hash = crypto.createHash('sha256');
  const chunk = Buffer.alloc(1 << 20);
  const fd = fs.openSync(file, 'r');
  try {
    for (let read = fs.readSync(fd, chunk); read > 0; read = fs.readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}
