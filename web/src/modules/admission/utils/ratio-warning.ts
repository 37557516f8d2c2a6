import type { ApiError } from '../../../api/client';
import type { RatioWarning } from '../types/admission';

/** The 团青比 figures an ADMISSION_RATIO_WARNING carries in its extra fields; null when they are missing. */
export function ratioWarningOf(error: ApiError): RatioWarning | null {
  const ratio = error.extra.ratio as Partial<RatioWarning> | undefined;
  if (!ratio || typeof ratio !== 'object') return null;
  const numbers = [ratio.members, ratio.youth, ratio.percent, ratio.capPercent];
  if (typeof ratio.orgName !== 'string' || typeof ratio.stage !== 'string' || !numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  return ratio as RatioWarning;
}
