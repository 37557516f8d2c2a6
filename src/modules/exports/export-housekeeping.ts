import { purgeUsageEvents } from '../../platform/alerts/hourly-limit.ts';
import type { Db } from '../../platform/db/connect.ts';
import type { FileStorage } from '../../platform/files/file-storage.ts';
import { purgeExpiredExports } from './full-member-export.ts';

/** How often the server runs the housekeeping. */
export const EXPORT_HOUSEKEEPING_MS = 60_000;

/**
 * Remove full exports that are downloaded or expire before the next run, and forget counted uses
 * older than the hour. Looking one run ahead means no file outlives its expiry (DOMAIN §12 DB-16:
 * deleted on download or within the hour), at the cost of closing the download up to a minute early.
 */
export async function runExportHousekeeping(db: Db, storage: FileStorage, now = new Date()): Promise<{ exportsRemoved: number; usesForgotten: number }> {
  const exportsRemoved = await purgeExpiredExports(db, storage, now, EXPORT_HOUSEKEEPING_MS);
  const usesForgotten = await purgeUsageEvents(db, now);
  return { exportsRemoved, usesForgotten };
}
