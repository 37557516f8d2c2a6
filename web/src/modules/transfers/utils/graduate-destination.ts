import type { TransferMeta } from '../types/transfer';

/** What a graduate destination needs besides its code. */
export type DestinationNeed = 'branch' | 'outside' | 'none';

/**
 * A destination that is also a transfer reason starts a transfer within the province (to a branch,
 * except 参军 and 涉密, which go to the 特殊单位专属库); 转往省外 needs the place; the others
 * (出国学习, 暂未就业) keep the graduate at the school without a transfer.
 */
export function destinationNeed(code: string | undefined, meta: TransferMeta): DestinationNeed {
  if (!code) return 'none';
  if (code === 'outside') return 'outside';
  const isReason = meta.reasons.some((r) => r.code === code);
  return isReason && !meta.specialLibraryReasons.includes(code) ? 'branch' : 'none';
}

/** Kept at the school: settled without a transfer. */
export function keepsAtSchool(code: string, meta: TransferMeta): boolean {
  return code !== 'outside' && !meta.reasons.some((r) => r.code === code);
}
