import { useEffect, useRef } from 'react';
import { Alert, App, Button, Empty, Space, Spin, Tree } from 'antd';
import type { GetRef } from 'antd';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { treeKey, type OrgTreeDataNode, type OrgTreeModel } from '../hooks/useOrgTree';
import { OrgStatusTag } from './OrgStatusTag';

type Props = {
  tree: OrgTreeModel;
  selectedId: number | null;
  expandedKeys: string[];
  onExpandedKeysChange: (keys: string[]) => void;
  onSelect: (id: number) => void;
  height: number;
};

/** The organization tree; each level is fetched when it is opened. Inactive orgs are greyed. */
export function OrgTree({ tree, selectedId, expandedKeys, onExpandedKeysChange, onSelect, height }: Props) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();
  const treeRef = useRef<GetRef<typeof Tree>>(null);

  useEffect(() => {
    if (selectedId === null) return;
    // Wait a frame so that a freshly revealed node is rendered before scrolling to it.
    const frame = requestAnimationFrame(() =>
      treeRef.current?.scrollTo({ key: treeKey(selectedId), align: 'auto' }),
    );
    return () => cancelAnimationFrame(frame);
  }, [selectedId, tree.loadedKeys]);

  if (tree.rootError) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorMessage(tree.rootError)}
        action={
          <Button size="small" onClick={() => void tree.loadRoots()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!tree.rootsLoaded) return <Spin style={{ display: 'block', padding: 24 }} />;
  if (tree.treeData.length === 0) return <Empty description={t('org.treeEmpty')} />;

  return (
    <Tree<OrgTreeDataNode>
      ref={treeRef}
      blockNode
      showLine
      height={height}
      treeData={tree.treeData}
      loadedKeys={tree.loadedKeys}
      loadData={(node) =>
        tree.loadChildren(node.org.id).catch((err: unknown) => {
          message.error(errorMessage(err));
        })
      }
      expandedKeys={expandedKeys}
      onExpand={(keys) => onExpandedKeysChange(keys.map(String))}
      selectedKeys={selectedId === null ? [] : [treeKey(selectedId)]}
      onSelect={(_keys, info) => onSelect(info.node.org.id)}
      titleRender={(node) => (
        <Space size={4} className={node.org.status === 'inactive' ? 'tw-tree-title-inactive' : undefined}>
          <span>{node.org.name}</span>
          <OrgStatusTag status={node.org.status} hideActive />
        </Space>
      )}
    />
  );
}
