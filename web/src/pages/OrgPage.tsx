import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Flex, Grid } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../i18n';
import { useErrorMessage } from '../modules/common/hooks/useErrorMessage';
import { saveBlob } from '../modules/common/utils/save-blob';
import { exportOrgs, getOrg, reactivateOrg } from '../modules/org/api/org-api';
import { OrgDeactivateModal } from '../modules/org/components/OrgDeactivateModal';
import { OrgDetailDrawer } from '../modules/org/components/OrgDetailDrawer';
import { OrgFormModal, type OrgFormTarget } from '../modules/org/components/OrgFormModal';
import { OrgListFilters, type OrgFilterValues } from '../modules/org/components/OrgListFilters';
import { OrgMoveModal, type OrgMoveTarget } from '../modules/org/components/OrgMoveModal';
import { OrgTable, type OrgRowAction } from '../modules/org/components/OrgTable';
import { OrgToolbar, type OrgToolbarAction } from '../modules/org/components/OrgToolbar';
import { OrgTreeWorkspace } from '../modules/org/components/OrgTreeWorkspace';
import { useOrgList } from '../modules/org/hooks/useOrgList';
import { treeKey, useOrgTree } from '../modules/org/hooks/useOrgTree';
import type { Org, OrgListFilter, OrgTreeNode } from '../modules/org/types/org';
import { asTreeNode, pathIds } from '../modules/org/utils/tree-node';

/** 组织管理: the tree on the left, the selected node's children on the right. */
export default function OrgPage() {
  const t = useT();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const screens = Grid.useBreakpoint();
  const tree = useOrgTree();

  // The selected org lives in the URL so that a reload or a shared link opens the same place.
  const [searchParams, setSearchParams] = useSearchParams();
  const selectedId = Number(searchParams.get('org')) || null;
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  // An org reached by link whose branch is not loaded in the tree yet.
  const [detached, setDetached] = useState<OrgTreeNode | undefined>();

  const [filters, setFilters] = useState<OrgFilterValues>({ q: '', depth: 'children' });
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });

  const [formTarget, setFormTarget] = useState<OrgFormTarget | null>(null);
  const [moveTarget, setMoveTarget] = useState<OrgMoveTarget | null>(null);
  const [deactivateTarget, setDeactivateTarget] = useState<{ id: number; name: string } | null>(null);
  const [detailId, setDetailId] = useState<number | null>(null);
  const [detailVersion, setDetailVersion] = useState(0);
  const [exporting, setExporting] = useState(false);

  const current =
    (selectedId !== null ? tree.getNode(selectedId) : undefined) ??
    (detached?.id === selectedId ? detached : undefined);
  const isRoot = selectedId !== null && tree.rootIds.includes(selectedId);

  const filter = useMemo<OrgListFilter | null>(
    () =>
      selectedId === null
        ? null
        : {
            parentId: selectedId,
            depth: filters.depth,
            q: filters.q || undefined,
            type: filters.type,
            status: filters.status,
          },
    [selectedId, filters],
  );
  const list = useOrgList(filter ? { ...filter, ...paging } : null);

  const select = useCallback(
    (id: number) => {
      if (id === selectedId) return;
      setSearchParams({ org: String(id) });
      setPaging((prev) => ({ ...prev, page: 1 }));
      // A search typed at one level rarely means anything one level down; type and status stay.
      setFilters((prev) => (prev.q ? { ...prev, q: '' } : prev));
    },
    [selectedId, setSearchParams],
  );

  /** Opens the tree down to `org` and selects it. */
  const reveal = useCallback(
    async (org: Org) => {
      setDetached(asTreeNode(org));
      try {
        const keys = await tree.revealPath(pathIds(org.path));
        if (keys) setExpandedKeys((prev) => [...new Set([...prev, ...keys])]);
      } catch (err) {
        message.error(errorMessage(err));
      }
      select(org.id);
    },
    [tree, select, message, errorMessage],
  );

  // First visit: select the first root. Arrival by link or history: reveal that org in the tree.
  useEffect(() => {
    if (!tree.rootsLoaded) return;
    if (selectedId === null) {
      const first = tree.rootIds[0];
      if (first !== undefined) {
        setSearchParams({ org: String(first) }, { replace: true });
        setExpandedKeys((prev) => (prev.length ? prev : [treeKey(first)]));
      }
      return;
    }
    if (tree.getNode(selectedId)) return;
    let alive = true;
    getOrg(selectedId).then(
      (org) => alive && void reveal(org),
      (err: unknown) => {
        if (!alive) return;
        // Out of scope (e.g. a link from another post) or gone: fall back to the first root.
        message.error(errorMessage(err));
        setSearchParams({}, { replace: true });
      },
    );
    return () => {
      alive = false;
    };
    // Only a change of selection or the arrival of the roots should trigger this.
  }, [selectedId, tree.rootsLoaded]);

  const changeFilters = (change: Partial<OrgFilterValues>) => {
    setFilters((prev) => ({ ...prev, ...change }));
    setPaging((prev) => ({ ...prev, page: 1 }));
  };

  /** Brings the tree, the table and an open drawer up to date after a write. */
  const afterWrite = (org: Org, parentsToReload: (number | null)[] = []) => {
    tree.updateNode(org);
    for (const parentId of new Set(parentsToReload)) {
      void tree.reloadChildren(parentId).catch(() => undefined);
    }
    list.reload();
    setDetailVersion((v) => v + 1);
  };

  const openEdit = async (id: number, known?: Org) => {
    try {
      const org = known ?? (await getOrg(id));
      const parentName = org.parentId === null ? undefined : tree.getNode(org.parentId)?.name;
      setFormTarget({ mode: 'edit', org, parentName });
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const confirmReactivate = (target: { id: number; name: string }) => {
    modal.confirm({
      title: t('org.reactivateTitle'),
      content: t('org.reactivateConfirm', { name: target.name }),
      okText: t('org.reactivate'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const org = await reactivateOrg(target.id);
          message.success(t('org.reactivated', { name: org.name }));
          afterWrite(org);
        } catch (err) {
          message.error(errorMessage(err));
        }
      },
    });
  };

  const runExport = async () => {
    if (!filter) return;
    setExporting(true);
    try {
      const { blob, filename } = await exportOrgs(filter, `${current?.name ?? 'orgs'}.xlsx`);
      saveBlob(blob, filename);
      message.success(t('org.exported', { file: filename }));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };

  const moveTargetOf = (org: { id: number; name: string; parentId: number | null }): OrgMoveTarget => ({
    id: org.id,
    name: org.name,
    parentId: org.parentId,
    parentName: org.parentId === null ? undefined : tree.getNode(org.parentId)?.name,
  });

  const onToolbar = (action: OrgToolbarAction) => {
    if (!current) return;
    switch (action) {
      case 'create':
        setFormTarget({ mode: 'create', parent: { id: current.id, name: current.name } });
        break;
      case 'edit':
        void openEdit(current.id);
        break;
      case 'move':
        setMoveTarget(moveTargetOf(current));
        break;
      case 'deactivate':
        setDeactivateTarget(current);
        break;
      case 'reactivate':
        confirmReactivate(current);
        break;
      case 'details':
        setDetailId(current.id);
        break;
      case 'export':
        void runExport();
        break;
    }
  };

  const onRow = (action: OrgRowAction, org: Org) => {
    switch (action) {
      case 'details':
        setDetailId(org.id);
        break;
      case 'edit':
        void openEdit(org.id, org);
        break;
      case 'move':
        setMoveTarget(moveTargetOf(org));
        break;
      case 'deactivate':
        setDeactivateTarget(org);
        break;
      case 'reactivate':
        confirmReactivate(org);
        break;
    }
  };

  return (
    <>
      <OrgTreeWorkspace
        tree={tree}
        selectedId={selectedId}
        expandedKeys={expandedKeys}
        onExpandedKeysChange={setExpandedKeys}
        onSelect={select}
        onRefresh={list.reload}
      >
        <Card size="small">
          <Flex vertical gap={12}>
            <OrgToolbar current={current} exporting={exporting} isRoot={isRoot} onAction={onToolbar} />
            <OrgListFilters value={filters} onChange={changeFilters} />
            {list.error !== null && (
              <Alert
                type="error"
                showIcon
                title={errorMessage(list.error)}
                action={
                  <Button size="small" onClick={list.reload}>
                    {t('common.retry')}
                  </Button>
                }
              />
            )}
            <OrgTable
              data={list.data}
              loading={list.loading}
              page={paging.page}
              pageSize={paging.pageSize}
              onPageChange={(page, pageSize) => setPaging({ page, pageSize })}
              onOpen={(org) => void reveal(org)}
              onAction={onRow}
              compact={screens.md === false}
              emptyText={
                filters.q || filters.type || filters.status ? t('org.noMatch') : t('org.noChildren')
              }
            />
          </Flex>
        </Card>
      </OrgTreeWorkspace>

      {formTarget && (
        <OrgFormModal
          target={formTarget}
          onClose={() => setFormTarget(null)}
          onSaved={(org) => {
            setFormTarget(null);
            if (formTarget.mode === 'create') {
              afterWrite(org, [org.parentId]);
              if (org.parentId !== null) {
                const parentKey = treeKey(org.parentId);
                setExpandedKeys((prev) => (prev.includes(parentKey) ? prev : [...prev, parentKey]));
              }
            } else {
              afterWrite(org);
            }
          }}
        />
      )}
      {moveTarget && (
        <OrgMoveModal
          target={moveTarget}
          onClose={() => setMoveTarget(null)}
          onMoved={(org, newParent) => {
            setMoveTarget(null);
            afterWrite(org, [moveTarget.parentId, newParent.id]);
            if (org.id === selectedId) void reveal(org);
          }}
        />
      )}
      {deactivateTarget && (
        <OrgDeactivateModal
          target={deactivateTarget}
          onClose={() => setDeactivateTarget(null)}
          onDone={(org) => {
            setDeactivateTarget(null);
            afterWrite(org);
          }}
        />
      )}
      {detailId !== null && (
        <OrgDetailDrawer
          orgId={detailId}
          reloadToken={detailVersion}
          parentName={(id) => tree.getNode(id)?.name}
          onClose={() => setDetailId(null)}
        />
      )}
    </>
  );
}
