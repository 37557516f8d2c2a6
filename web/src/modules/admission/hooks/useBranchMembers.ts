import { useEffect, useState } from 'react';
import { isAbortError } from '../../../api/client';
import { listMembers } from '../../members/api/member-api';

export type BranchMember = { id: number; name: string };

// A 团支部 rarely reaches this size; the server's page limit is 200.
const PAGE_SIZE = 200;

/**
 * The branch's members in good standing (团籍正常): the people who may be contacts or sponsors, and
 * the headcount the branch meeting's quorum is reckoned on. `total` counts them all even if the
 * list were cut at one page. A null branch fetches nothing (the step needs nobody).
 */
export function useBranchMembers(branchId: number | null) {
  const [members, setMembers] = useState<BranchMember[] | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (branchId === null) return;
    const controller = new AbortController();
    setError(null);
    listMembers({ orgId: branchId, status: 'normal', page: 1, pageSize: PAGE_SIZE }, controller.signal).then(
      (page) => {
        setMembers(page.items.filter((m) => m.orgId === branchId).map((m) => ({ id: m.id, name: m.name })));
        setTotal(page.total);
      },
      (err: unknown) => {
        if (!isAbortError(err)) setError(err);
      },
    );
    return () => controller.abort();
  }, [branchId]);

  return { members, total, error };
}
