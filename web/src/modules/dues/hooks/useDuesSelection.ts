import { useCallback, useState } from 'react';
import type { DuesListItem } from '../types/dues';

/**
 * The ticked members, kept across pages, filters and the organization chosen, so that members
 * just assessed (who leave the 未核定 list) can be paid for straight away. Their rows are kept
 * too: the dialogs need each one's name, 职业 and monthly amount.
 */
export function useDuesSelection() {
  const [selected, setSelected] = useState<ReadonlyMap<number, DuesListItem>>(new Map());

  const change = useCallback((ids: number[], rows: DuesListItem[]) => {
    setSelected((prev) => {
      const next = new Map<number, DuesListItem>();
      for (const id of ids) {
        const row = rows.find((r) => r.id === id) ?? prev.get(id);
        if (row) next.set(id, row);
      }
      return next;
    });
  }, []);

  /** After an assessment the kept rows carry the new amount (the server sets one for all). */
  const setMonthlyFen = useCallback((monthlyFen: number) => {
    setSelected((prev) => new Map([...prev].map(([id, row]) => [id, { ...row, monthlyFen }])));
  }, []);

  const clear = useCallback(() => setSelected(new Map()), []);

  return { ids: [...selected.keys()], members: [...selected.values()], change, setMonthlyFen, clear };
}
