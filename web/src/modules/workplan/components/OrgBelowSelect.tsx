import { useEffect, useState } from 'react';
import { Alert, App, TreeSelect } from 'antd';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { fetchTreeNodes } from '../../org/api/org-api';
import type { OrgTreeNode } from '../../org/types/org';

type Option = { id: string; pId: string | null; value: number; title: string; isLeaf: boolean; disabled: boolean };

type Props = {
  /** The organization assigning: only organizations below it are offered. */
  rootId: number;
  /** Already assigned: shown, not offered again. */
  taken: ReadonlySet<number>;
  value?: number[];
  onChange?: (value: number[], names: Map<number, string>) => void;
  id?: string;
};

/**
 * Organizations below the assigner, several at once: the first level opens at once, deeper levels
 * load when opened. Inactive and already assigned organizations cannot be chosen.
 */
export function OrgBelowSelect({ rootId, taken, value, onChange, id }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [options, setOptions] = useState<Option[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);

  const toOption = (node: OrgTreeNode, top: boolean): Option => {
    const inactive = node.status === 'inactive';
    const suffix = taken.has(node.id) ? t('workplan.assign.taken') : inactive ? t('org.inactive') : '';
    return {
      id: String(node.id),
      pId: top ? null : String(node.parentId),
      value: node.id,
      title: suffix ? `${node.name}（${suffix}）` : node.name,
      isLeaf: node.childCount === 0,
      disabled: inactive || taken.has(node.id),
    };
  };

  useEffect(() => {
    let alive = true;
    fetchTreeNodes(rootId).then(
      (nodes) => alive && setOptions(nodes.map((node) => toOption(node, true))),
      (err: unknown) => alive && setLoadError(err),
    );
    return () => {
      alive = false;
    };
    // The root and the taken set are fixed while the dialog is open.
  }, [rootId]);

  const names = () => new Map(options.map((o) => [o.value, o.title]));

  const loadChildren = async (parentId: number) => {
    try {
      const children = await fetchTreeNodes(parentId);
      setOptions((prev) => {
        const known = new Set(prev.map((o) => o.value));
        return [...prev, ...children.filter((node) => !known.has(node.id)).map((node) => toOption(node, false))];
      });
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  if (loadError !== null) return <Alert type="error" showIcon title={errorMessage(loadError)} />;

  return (
    <TreeSelect<number[]>
      id={id}
      treeDataSimpleMode
      treeData={options}
      multiple
      value={value}
      onChange={(next) => onChange?.(next, names())}
      loadData={(node) => loadChildren(Number(node.value))}
      placeholder={t('workplan.assign.orgsPlaceholder')}
      showSearch={{ treeNodeFilterProp: 'title' }}
      listHeight={320}
      style={{ width: '100%' }}
      maxTagCount="responsive"
      allowClear
    />
  );
}
