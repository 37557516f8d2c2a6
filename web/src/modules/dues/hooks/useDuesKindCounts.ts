import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../../../api/client';
import { listDuesMembers } from '../api/dues-api';
import { DUES_LIST_KINDS, type DuesListKind } from '../types/dues';

export type DuesKindCounts = Partial<Record<DuesListKind, number>>;

/**
 * How many members each list holds under the same organization and search as the table, so that
 * a filter's count is what choosing it shows. A page of one row is enough: only `total` is read.
 */
export function useDuesKindCounts(orgId: number | undefined, q: string | undefined) {
  const [counts, setCounts] = useState<DuesKindCounts>({});
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    for (const kind of DUES_LIST_KINDS) {
      listDuesMembers({ orgId, q, kind, page: 1, pageSize: 1 }, controller.signal).then(
        (page) => setCounts((prev) => ({ ...prev, [kind]: page.total })),
        (err: unknown) => {
          // A count is a hint: leave it blank rather than cover the page with a second error.
          if (!isAbortError(err)) setCounts((prev) => ({ ...prev, [kind]: undefined }));
        },
      );
    }
    return () => controller.abort();
  }, [orgId, q, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { counts, reload };
}
