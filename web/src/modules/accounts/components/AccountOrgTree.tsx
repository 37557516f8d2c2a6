import { Alert, App, Button, Spin, Tree } from 'antd';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { useAccountOrgs } from '../hooks/useAccountOrgs';
import type { AccountOrgNode } from '../types/account';

type TreeNode = { key: number; title: string; isLeaf: boolean; children?: TreeNode[]; disabled?: boolean };

type Props = { selectedId: number | null; onSelect: (id: number | null) => void; height: number };

/** The organizations of the post's scope, to narrow the account list to one and those below it. */
export function AccountOrgTree({ selectedId, onSelect, height }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const orgs = useAccountOrgs();
  if (orgs.error !== null) return <Alert type="error" showIcon title={errorMessage(orgs.error)} />;
  if (orgs.nodes.length === 0) return <Spin />;

  const byParent = new Map<number, AccountOrgNode[]>();
  for (const node of orgs.nodes) {
    if (node.parentId !== null) byParent.set(node.parentId, [...(byParent.get(node.parentId) ?? []), node]);
  }
  const toTree = (node: AccountOrgNode): TreeNode => ({
    key: node.id,
    title: node.name,
    isLeaf: node.childCount === 0,
    children: byParent.has(node.id) ? byParent.get(node.id)!.map(toTree) : undefined,
  });
  const treeData = orgs.rootIds.map((id) => toTree(orgs.nodes.find((n) => n.id === id)!));

  return (
    <div>
      <Button type={selectedId === null ? 'link' : 'text'} size="small" onClick={() => onSelect(null)} style={{ paddingInline: 4 }}>
        {t('accounts.allOrgs')}
      </Button>
      <Tree<TreeNode>
        blockNode
        showLine
        height={height}
        treeData={treeData}
        defaultExpandedKeys={orgs.loaded}
        loadedKeys={orgs.loaded}
        selectedKeys={selectedId === null ? [] : [selectedId]}
        onSelect={(keys) => onSelect(keys.length > 0 ? Number(keys[0]) : null)}
        loadData={(node) => orgs.loadChildren(Number(node.key)).catch((err: unknown) => void message.error(errorMessage(err)))}
      />
    </div>
  );
}
