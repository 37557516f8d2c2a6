import type { MessageKey } from '../../../i18n';

/** 领域 of a branch, derived by the server from its 行业类别, in the order 智慧团建 reports them. */
export const FIELD_CODES = ['student', 'enterprise', 'rural', 'public_sector', 'urban_community', 'social_and_other'] as const;

export type FieldCode = (typeof FIELD_CODES)[number];

export const FIELD_LABELS: Record<FieldCode, MessageKey> = {
  student: 'stats.field.student',
  enterprise: 'stats.field.enterprise',
  rural: 'stats.field.rural',
  public_sector: 'stats.field.public_sector',
  urban_community: 'stats.field.urban_community',
  social_and_other: 'stats.field.social_and_other',
};

/** Members awaiting a decision on an exit, whatever its kind. */
export function pendingCount(byStatus: Record<string, number>): number {
  return Object.entries(byStatus).reduce((sum, [status, n]) => (status.endsWith('_pending') ? sum + n : sum), 0);
}
