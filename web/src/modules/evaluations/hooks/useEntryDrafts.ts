import { useCallback, useMemo, useState } from 'react';
import type { EvaluationCycleDetail, EvaluationRules, Grade } from '../types/evaluation';
import { draftOf, entryInput, type EntryDraft } from '../utils/entry-draft';

export type EntryCounts = {
  evaluated: number;
  registered: number;
  deferred: number;
  undecided: number;
  ungraded: number;
  grades: Record<Grade, number>;
};

/**
 * The branch's proposals while they are being edited: each member's draft over what the server
 * holds, and which rows changed, so that saving sends those rows only. The counts follow every
 * pick, for the 优秀 limit shown live.
 */
export function useEntryDrafts(cycle: EvaluationCycleDetail, rules: EvaluationRules) {
  const [changed, setChanged] = useState<ReadonlyMap<number, EntryDraft>>(new Map());

  const draft = useCallback(
    (memberId: number): EntryDraft => {
      const own = changed.get(memberId);
      if (own) return own;
      const entry = cycle.entries.find((e) => e.memberId === memberId);
      return entry ? draftOf(entry, cycle, rules) : { registration: null, deferMonths: null, grade: null, correctionMonths: null };
    },
    [changed, cycle, rules],
  );

  const update = useCallback(
    (memberId: number, patch: Partial<EntryDraft>) => {
      setChanged((prev) => {
        const next = new Map(prev);
        const current = prev.get(memberId) ?? draft(memberId);
        const merged = { ...current, ...patch };
        // A choice that needs months starts at the rule's shortest term.
        if (merged.registration === 'deferred' && merged.deferMonths === null) merged.deferMonths = rules.deferMinMonths;
        if (merged.grade === 'unqualified' && merged.correctionMonths === null) merged.correctionMonths = rules.correctionMinMonths;
        next.set(memberId, merged);
        return next;
      });
    },
    [draft, rules],
  );

  /** Every member still without a registration decision is registered. */
  const registerRest = useCallback(() => {
    for (const e of cycle.entries) if (draft(e.memberId).registration === null) update(e.memberId, { registration: 'registered' });
  }, [cycle, draft, update]);

  /** Every member evaluated and still without a grade is graded `grade`. */
  const gradeRest = useCallback(
    (grade: Grade) => {
      for (const e of cycle.entries) if (!e.exempt && draft(e.memberId).grade === null) update(e.memberId, { grade });
    },
    [cycle, draft, update],
  );

  const counts = useMemo<EntryCounts>(() => {
    const result: EntryCounts = { evaluated: 0, registered: 0, deferred: 0, undecided: 0, ungraded: 0, grades: { excellent: 0, qualified: 0, basic: 0, unqualified: 0 } };
    for (const e of cycle.entries) {
      const d = draft(e.memberId);
      if (d.registration === 'registered') result.registered++;
      else if (d.registration === 'deferred') result.deferred++;
      else result.undecided++;
      if (e.exempt) continue;
      result.evaluated++;
      if (d.grade) result.grades[d.grade]++;
      else result.ungraded++;
    }
    return result;
  }, [cycle, draft]);

  const inputs = useCallback(() => [...changed].map(([memberId, d]) => entryInput(memberId, d)), [changed]);
  const reset = useCallback(() => setChanged(new Map()), []);

  return { draft, update, registerRest, gradeRest, counts, dirty: changed.size > 0, changedIds: [...changed.keys()], inputs, reset };
}
