import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TreeDataNode } from 'antd';
import { fetchTreeNodes } from '../api/org-api';
import type { OrgTreeNode } from '../types/org';

export type OrgTreeDataNode = TreeDataNode & { org: OrgTreeNode; children?: OrgTreeDataNode[] };

type TreeStore = {
  nodes: Map<number, OrgTreeNode>;
  /** Child ids per parent id, present only once the children were fetched. */
  children: Map<number, number[]>;
  roots: number[] | null;
};

const emptyStore = (): TreeStore => ({ nodes: new Map(), children: new Map(), roots: null });

export const treeKey = (id: number) => String(id);

/** The lazily loaded organization tree: roots first, each level fetched when it is opened. */
export function useOrgTree() {
  const [store, setStore] = useState<TreeStore>(emptyStore);
  const [rootError, setRootError] = useState<unknown>(null);
  // Callbacks read the latest store through this ref so that they keep a stable identity.
  const storeRef = useRef(store);
  useLayoutEffect(() => {
    storeRef.current = store;
  }, [store]);

  const putChildren = useCallback((parentId: number | null, nodes: OrgTreeNode[]) => {
    setStore((prev) => {
      const next: TreeStore = {
        nodes: new Map(prev.nodes),
        children: new Map(prev.children),
        roots: prev.roots,
      };
      for (const node of nodes) next.nodes.set(node.id, node);
      const ids = nodes.map((node) => node.id);
      if (parentId === null) {
        next.roots = ids;
      } else {
        next.children.set(parentId, ids);
        const parent = next.nodes.get(parentId);
        if (parent) next.nodes.set(parentId, { ...parent, childCount: ids.length });
      }
      return next;
    });
  }, []);

  const loadRoots = useCallback(async () => {
    setRootError(null);
    try {
      putChildren(null, await fetchTreeNodes());
    } catch (err) {
      setRootError(err);
    }
  }, [putChildren]);

  useEffect(() => {
    void loadRoots();
  }, [loadRoots]);

  /** Refetches the roots and every level that is open, keeping the tree as the user left it. */
  const refresh = useCallback(
    async (openIds: number[]) => {
      setRootError(null);
      try {
        const roots = await fetchTreeNodes();
        const levels = await Promise.all(
          openIds.map(async (id) => [id, await fetchTreeNodes(id).catch(() => null)] as const),
        );
        setStore(() => {
          const next = emptyStore();
          next.roots = roots.map((node) => node.id);
          for (const node of roots) next.nodes.set(node.id, node);
          for (const [id, nodes] of levels) {
            if (!nodes) continue;
            next.children.set(id, nodes.map((node) => node.id));
            for (const node of nodes) next.nodes.set(node.id, node);
          }
          return next;
        });
      } catch (err) {
        setRootError(err);
      }
    },
    [],
  );

  /** Fetches the children of `id` unless they are already here (or `force`). */
  const loadChildren = useCallback(
    async (id: number, force = false) => {
      if (!force && storeRef.current.children.has(id)) return;
      const nodes = await fetchTreeNodes(id);
      putChildren(id, nodes);
    },
    [putChildren],
  );

  /** Refetches a level after a create or move; only levels already on screen are refetched. */
  const reloadChildren = useCallback(
    async (id: number | null) => {
      if (id === null) return loadRoots();
      if (storeRef.current.children.has(id)) return loadChildren(id, true);
      const parent = storeRef.current.nodes.get(id);
      // A leaf that just got its first child must become expandable.
      if (parent && parent.childCount === 0) {
        setStore((prev) => {
          const nodes = new Map(prev.nodes);
          nodes.set(id, { ...parent, childCount: 1 });
          return { ...prev, nodes };
        });
      }
    },
    [loadChildren, loadRoots],
  );

  /** Copies changed fields of an org (name, status…) onto its tree node. */
  const updateNode = useCallback((org: Partial<OrgTreeNode> & { id: number }) => {
    setStore((prev) => {
      const node = prev.nodes.get(org.id);
      if (!node) return prev;
      const nodes = new Map(prev.nodes);
      nodes.set(org.id, {
        ...node,
        name: org.name ?? node.name,
        type: org.type ?? node.type,
        kind: org.kind ?? node.kind,
        status: org.status ?? node.status,
      });
      return { ...prev, nodes };
    });
  }, []);

  /**
   * Loads every level from the first visible ancestor down to `pathIds`' last id.
   * Returns the ancestor keys to expand, or null when the path is outside the loaded roots.
   */
  const revealPath = useCallback(
    async (pathIds: number[]): Promise<string[] | null> => {
      const roots = storeRef.current.roots ?? [];
      const start = pathIds.findIndex((id) => roots.includes(id));
      if (start < 0) return null;
      const ancestors = pathIds.slice(start, -1);
      for (const id of ancestors) await loadChildren(id);
      return ancestors.map(treeKey);
    },
    [loadChildren],
  );

  const treeData = useMemo<OrgTreeDataNode[]>(() => {
    const build = (id: number): OrgTreeDataNode | null => {
      const org = store.nodes.get(id);
      if (!org) return null;
      const childIds = store.children.get(id);
      return {
        key: treeKey(id),
        title: org.name,
        org,
        isLeaf: childIds ? childIds.length === 0 : org.childCount === 0,
        children: childIds?.map(build).filter((node) => node !== null),
      };
    };
    return (store.roots ?? []).map(build).filter((node) => node !== null);
  }, [store]);

  const loadedKeys = useMemo(() => [...store.children.keys()].map(treeKey), [store]);

  return useMemo(
    () => ({
      treeData,
      loadedKeys,
      rootsLoaded: store.roots !== null,
      rootIds: store.roots ?? [],
      rootError,
      loadRoots,
      refresh,
      loadChildren,
      reloadChildren,
      updateNode,
      revealPath,
      getNode: (id: number) => store.nodes.get(id),
    }),
    [treeData, loadedKeys, store, rootError, loadRoots, refresh, loadChildren, reloadChildren, updateNode, revealPath],
  );
}

export type OrgTreeModel = ReturnType<typeof useOrgTree>;
