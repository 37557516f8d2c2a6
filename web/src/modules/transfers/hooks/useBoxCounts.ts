import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../../../api/client';
import { listTransfers } from '../api/transfer-api';
import type { TransferBox } from '../types/transfer';

export type BoxCounts = Partial<Record<TransferBox, number>>;

/**
 * How many transfers each box holds under the same status and search as the table, so that a
 * tab's count is what opening it shows. A page of one row is enough: only `total` is read.
 */
export function useBoxCounts(boxes: readonly TransferBox[], status: string | undefined, q: string | undefined) {
  const [counts, setCounts] = useState<BoxCounts>({});
  const [version, setVersion] = useState(0);
  const key = JSON.stringify([boxes, status, q]);

  useEffect(() => {
    const controller = new AbortController();
    const [lists, status, q] = JSON.parse(key) as [TransferBox[], string | undefined, string | undefined];
    for (const box of lists) {
      listTransfers({ box, status, q, page: 1, pageSize: 1 }, controller.signal).then(
        (page) => setCounts((prev) => ({ ...prev, [box]: page.total })),
        (err: unknown) => {
          // A count is a hint: leave it blank rather than cover the page with a second error.
          if (!isAbortError(err)) setCounts((prev) => ({ ...prev, [box]: undefined }));
        },
      );
    }
    return () => controller.abort();
  }, [key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { counts, reload };
}
