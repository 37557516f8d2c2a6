import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../../../api/client';
import { listMembers } from '../api/member-api';
import type { MemberListFilter, MemberWorklist } from '../types/member';

export type WorklistKey = 'all' | MemberWorklist;
export type WorklistCounts = Partial<Record<WorklistKey, number>>;

/**
 * How many members each worklist holds under the same search and filters as the table, so that
 * a tab's count is what opening it shows. A page of one row is enough: only `total` is read.
 */
export function useWorklistCounts(filter: Omit<MemberListFilter, 'worklist'>, keys: readonly WorklistKey[]) {
  const [counts, setCounts] = useState<WorklistCounts>({});
  const [version, setVersion] = useState(0);
  // The order of the rows does not change how many there are.
  const { sort: _sort, order: _order, ...counted } = filter;
  const key = JSON.stringify([counted, keys]);

  useEffect(() => {
    const controller = new AbortController();
    const [base, lists] = JSON.parse(key) as [MemberListFilter, WorklistKey[]];
    for (const list of lists) {
      const query = { ...base, worklist: list === 'all' ? undefined : list, page: 1, pageSize: 1 };
      listMembers(query, controller.signal).then(
        (page) => setCounts((prev) => ({ ...prev, [list]: page.total })),
        (err: unknown) => {
          // A count is a hint: leave it blank rather than cover the page with a second error.
          if (!isAbortError(err)) setCounts((prev) => ({ ...prev, [list]: undefined }));
        },
      );
    }
    return () => controller.abort();
  }, [key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { counts, reload };
}
