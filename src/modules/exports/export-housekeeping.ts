import { purgeUsageEvents } from '../../platform/alerts/hourly-limit.ts';
import type { Db } from '../../platform/db/connect.ts';
import type { FileStorage } from '../../platform/files/file-storage.ts';
import { purgeExpiredExports } from './full-member-export.ts';

/** How often the server runs the housekeeping: well inside the hour a full export may wait (DB-16). */
export const EXPORT_HOUSEKEEPING_MS = 5 * 60_000;

/** Remove expired or downloaded full exports and forget counted uses older than the hour. */
export async function runExportHousekeeping(db: Db, storage: FileStorage, now = new Date()): Promise<{ exportsRemoved: number; usesForgotten: number }> {
  const exportsRemoved = await purgeExpiredExports(db, storage, now);
  const usesForgotten = await purgeUsageEvents(db, now);
  return { exportsRemoved, usesForgotten };
}
