import { useCallback, useEffect, useState } from 'react';
import { Alert, App, TreeSelect } from 'antd';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { fetchTreeNodes } from '../api/org-api';
import type { OrgTreeNode } from '../types/org';

type Option = {
  id: string;
  pId: string | null;
  value: number;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
  disabled: boolean;
};

type Props = {
  value?: number;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  /** Which organizations may be picked; the others only open to show their children. */
  selectable: (node: OrgTreeNode) => boolean;
  /** Set by Form.Item, so that the label points at the control. */
  id?: string;
};

/**
 * An organization picker over the same lazily loaded tree the post may see, for use as a form
 * control. The first levels open straight away so that the popup never shows one lone root.
 */
export function OrgTreeSelect({ value, onChange, placeholder, selectable, id }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [options, setOptions] = useState<Option[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);
  // rc-tree-select keys nodes by their value, so expanded and loaded keys are org ids.
  const [expandedKeys, setExpandedKeys] = useState<number[]>([]);

  const toOption = useCallback(
    (node: OrgTreeNode, root = false): Option => {
      // Inactive organizations are never a valid choice; one with children still opens.
      const inactive = node.status === 'inactive';
      return {
        id: String(node.id),
        pId: root || node.parentId === null ? null : String(node.parentId),
        value: node.id,
        title: inactive ? `${node.name}（${t('org.inactive')}）` : node.name,
        isLeaf: node.childCount === 0,
        selectable: !inactive && selectable(node),
        disabled: inactive && node.childCount === 0,
      };
    },
    // `selectable` is a rule fixed by the caller; following its identity would reload the tree.
    [t],
  );

  useEffect(() => {
    let alive = true;
    (async () => {
      const roots = await fetchTreeNodes();
      const opened = roots.filter((root) => root.childCount > 0).slice(0, 3);
      const children = await Promise.all(opened.map((root) => fetchTreeNodes(root.id)));
      if (!alive) return;
      setOptions([...roots.map((root) => toOption(root, true)), ...children.flat().map((node) => toOption(node))]);
      setExpandedKeys(opened.map((root) => root.id));
    })().catch((err: unknown) => alive && setLoadError(err));
    return () => {
      alive = false;
    };
  }, [toOption]);

  const loadedKeys = [...new Set(options.flatMap((option) => (option.pId === null ? [] : [Number(option.pId)])))];

  const loadChildren = async (parentId: number) => {
    try {
      const children = await fetchTreeNodes(parentId);
      setOptions((prev) => {
        const known = new Set(prev.map((option) => option.value));
        return [...prev, ...children.filter((node) => !known.has(node.id)).map((node) => toOption(node))];
      });
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  if (loadError !== null) return <Alert type="error" showIcon title={errorMessage(loadError)} />;

  return (
    <TreeSelect<number>
      id={id}
      treeDataSimpleMode
      treeData={options}
      treeExpandedKeys={expandedKeys}
      onTreeExpand={(keys) => setExpandedKeys(keys.map(Number))}
      treeLoadedKeys={loadedKeys}
      // A committee cannot be chosen: a click on its name opens it instead.
      treeExpandAction="click"
      value={value}
      onChange={onChange}
      loadData={(node) => loadChildren(Number(node.value))}
      placeholder={placeholder}
      showSearch={{ treeNodeFilterProp: 'title' }}
      listHeight={360}
      style={{ width: '100%' }}
      treeLine
      allowClear
    />
  );
}
