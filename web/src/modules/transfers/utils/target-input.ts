import type { TransferTargetValues } from '../components/TransferTargetFields';

/**
 * The body's target fields from the form: a branch only 省内 (and not for 参军 or 涉密, which
 * the server sends to the 特殊单位专属库 anyway), a place only 省外.
 */
export function targetInput(values: TransferTargetValues, isSpecial: (reason: string) => boolean) {
  const outside = values.scopeKind === 'outside';
  return {
    scopeKind: values.scopeKind ?? 'within',
    reason: values.reason ?? '',
    reasonText: values.reasonText?.trim() || null,
    toOrgId: !outside && values.reason && !isSpecial(values.reason) ? (values.toOrgId ?? null) : null,
    outsideDestination: outside ? values.outsideDestination?.trim() || null : null,
  };
}
