import { useCallback, useEffect, useState } from 'react';
import { fetchAccountOrgs } from '../api/accounts-api';
import type { AccountOrgNode } from '../types/account';

/**
 * The organizations of the post's scope for account administration, loaded level by level: the
 * roots and their first level at once, every other level when it is opened.
 */
export function useAccountOrgs() {
  const [nodes, setNodes] = useState<AccountOrgNode[]>([]);
  const [rootIds, setRootIds] = useState<number[]>([]);
  const [loaded, setLoaded] = useState<number[]>([]);
  const [error, setError] = useState<unknown>(null);

  const add = useCallback((more: AccountOrgNode[]) => {
    setNodes((prev) => {
      const known = new Set(prev.map((n) => n.id));
      return [...prev, ...more.filter((n) => !known.has(n.id))];
    });
  }, []);

  useEffect(() => {
    let alive = true;
    (async () => {
      const roots = await fetchAccountOrgs();
      const opened = roots.filter((root) => root.childCount > 0).slice(0, 3);
      const children = await Promise.all(opened.map((root) => fetchAccountOrgs(root.id)));
      if (!alive) return;
      setRootIds(roots.map((root) => root.id));
      add([...roots, ...children.flat()]);
      setLoaded(opened.map((root) => root.id));
    })().catch((err: unknown) => alive && setError(err));
    return () => {
      alive = false;
    };
  }, [add]);

  const loadChildren = useCallback(
    async (parentId: number) => {
      const children = await fetchAccountOrgs(parentId);
      add(children);
      setLoaded((prev) => [...prev, parentId]);
    },
    [add],
  );

  return { nodes, rootIds, loaded, error, loadChildren };
}
