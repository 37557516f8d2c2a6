import { useCallback } from 'react';
import { useBilingual } from '../../../i18n';
import { useCachedResource } from '../../common/hooks/useCachedResource';
import { fetchTransferMeta } from '../api/transfer-api';
import type { TransferEnumItem } from '../types/transfer';

/** Reasons, stages, states and actions of transfers with labels in the current language; loaded once. */
export function useTransferMeta() {
  const { data, error } = useCachedResource('transfer-meta', fetchTransferMeta);
  const bilingual = useBilingual();

  const labelIn = useCallback(
    (items: TransferEnumItem[] | undefined, code: string | null | undefined) =>
      code ? bilingual(items?.find((item) => item.code === code), code) : '',
    [bilingual],
  );
  const reason = useCallback((code: string | null | undefined) => labelIn(data?.reasons, code), [data, labelIn]);
  const stage = useCallback((code: string | null | undefined) => labelIn(data?.stages, code), [data, labelIn]);
  const status = useCallback((code: string | null | undefined) => labelIn(data?.statuses, code), [data, labelIn]);
  const action = useCallback((code: string | null | undefined) => labelIn(data?.actions, code), [data, labelIn]);
  const scopeKind = useCallback((code: string | null | undefined) => labelIn(data?.scopeKinds, code), [data, labelIn]);
  const initiator = useCallback((code: string | null | undefined) => labelIn(data?.initiators, code), [data, labelIn]);
  const destination = useCallback(
    (code: string | null | undefined) => labelIn(data?.graduateDestinations, code),
    [data, labelIn],
  );
  /** 参军 and 涉密 go to the province's 特殊单位专属库 whatever branch is named. */
  const isSpecial = useCallback((code: string | null | undefined) => !!code && (data?.specialLibraryReasons.includes(code) ?? false), [data]);

  return { meta: data, error, reason, stage, status, action, scopeKind, initiator, destination, isSpecial };
}
