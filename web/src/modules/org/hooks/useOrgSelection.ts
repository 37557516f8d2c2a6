import { useCallback, useEffect, useState } from 'react';
import { App } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { getOrg } from '../api/org-api';
import type { OrgTreeNode } from '../types/org';
import { asTreeNode, pathIds } from '../utils/tree-node';
import { treeKey, type OrgTreeModel } from './useOrgTree';

/**
 * An optional tree selection kept in the URL (?org=), for pages that list things below an org.
 * Nothing selected means everything in the post's scope. A link to an org whose branch is not
 * loaded yet opens the tree down to it.
 */
export function useOrgSelection(tree: OrgTreeModel) {
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [searchParams, setSearchParams] = useSearchParams();
  const selectedId = Number(searchParams.get('org')) || null;
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  // An org reached by link whose branch is not loaded in the tree yet.
  const [detached, setDetached] = useState<OrgTreeNode | undefined>();

  const select = useCallback(
    (id: number | null) => setSearchParams(id === null ? {} : { org: String(id) }),
    [setSearchParams],
  );

  useEffect(() => {
    if (!tree.rootsLoaded) return;
    if (selectedId === null || tree.getNode(selectedId)) {
      const first = tree.rootIds[0];
      if (first !== undefined) setExpandedKeys((prev) => (prev.length ? prev : [treeKey(first)]));
      return;
    }
    let alive = true;
    getOrg(selectedId)
      .then(async (org) => {
        if (!alive) return;
        setDetached(asTreeNode(org));
        const keys = await tree.revealPath(pathIds(org.path));
        if (alive && keys) setExpandedKeys((prev) => [...new Set([...prev, ...keys])]);
      })
      .catch((err: unknown) => {
        if (!alive) return;
        // Out of scope (e.g. a link from another post) or gone: show the whole scope instead.
        message.error(errorMessage(err));
        setSearchParams({}, { replace: true });
      });
    return () => {
      alive = false;
    };
    // Only a change of selection or the arrival of the roots should trigger this.
  }, [selectedId, tree.rootsLoaded]);

  const current =
    (selectedId !== null ? tree.getNode(selectedId) : undefined) ??
    (detached?.id === selectedId ? detached : undefined);

  return { selectedId, current, select, expandedKeys, setExpandedKeys };
}
