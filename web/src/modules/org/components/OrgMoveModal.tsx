import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Form, Modal, TreeSelect, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { fetchTreeNodes, moveOrg } from '../api/org-api';
import type { Org, OrgTreeNode } from '../types/org';

/** The org being moved, as much of it as the page knows. */
export type OrgMoveTarget = { id: number; name: string; parentId: number | null; parentName?: string };

type Option = {
  name: string;
  id: string;
  pId: string | null;
  value: number;
  title: string;
  isLeaf: boolean;
  disabled: boolean;
};

type Props = {
  target: OrgMoveTarget;
  onClose: () => void;
  onMoved: (org: Org, newParent: { id: number; name: string }) => void;
};

/**
 * 移动组织: the new parent is picked from the same lazily loaded tree the post may see.
 * The org itself cannot be opened, so none of its descendants can be chosen either.
 */
export function OrgMoveModal({ target, onClose, onMoved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [options, setOptions] = useState<Option[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [newParentId, setNewParentId] = useState<number | undefined>();
  const [saving, setSaving] = useState(false);

  const toOption = useCallback(
    (node: OrgTreeNode): Option => {
      const self = node.id === target.id;
      const isParent = node.id === target.parentId;
      let title = node.name;
      if (node.status === 'inactive') title += `（${t('org.inactive')}）`;
      if (isParent) title += `（${t('org.moveCurrentParent')}）`;
      return {
        name: node.name,
        id: String(node.id),
        pId: node.parentId === null ? null : String(node.parentId),
        value: node.id,
        title,
        isLeaf: self || node.childCount === 0,
        disabled: self || isParent || node.status === 'inactive',
      };
    },
    [target, t],
  );

  // rc-tree-select keys nodes by their value, so expanded and loaded keys are org ids.
  const [expandedKeys, setExpandedKeys] = useState<number[]>([]);

  // Open the first level straight away: a dialog showing one lone root looks empty.
  useEffect(() => {
    let alive = true;
    (async () => {
      const roots = await fetchTreeNodes();
      const rootOptions = roots.map(toOption).map((option) => ({ ...option, pId: null }));
      const opened = roots.filter((root) => root.id !== target.id && root.childCount > 0).slice(0, 3);
      const children = await Promise.all(opened.map((root) => fetchTreeNodes(root.id)));
      if (!alive) return;
      setOptions([...rootOptions, ...children.flat().map(toOption)]);
      setExpandedKeys(opened.map((root) => root.id));
    })().catch((err: unknown) => alive && setLoadError(err));
    return () => {
      alive = false;
    };
  }, [toOption, target.id]);

  const loadedKeys = [
    ...new Set(options.flatMap((option) => (option.pId === null ? [] : [Number(option.pId)]))),
  ];

  const currentParentName =
    target.parentName ?? options.find((option) => option.value === target.parentId)?.name;

  const loadChildren = async (parentId: number) => {
    try {
      const children = await fetchTreeNodes(parentId);
      setOptions((prev) => {
        const known = new Set(prev.map((option) => option.value));
        return [...prev, ...children.filter((node) => !known.has(node.id)).map(toOption)];
      });
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const submit = async () => {
    if (newParentId === undefined) {
      message.warning(t('org.moveNewParentRequired'));
      return;
    }
    setSaving(true);
    try {
      const moved = await moveOrg(target.id, newParentId);
      const parentName = options.find((option) => option.value === newParentId)?.name ?? '';
      message.success(t('org.moved', { name: moved.name, parent: parentName }));
      onMoved(moved, { id: newParentId, name: parentName });
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('org.moveTitle')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: newParentId === undefined }}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('org.moveHint', { name: target.name })}</Typography.Paragraph>
      {loadError !== null && <Alert type="error" showIcon title={errorMessage(loadError)} />}
      <Form layout="vertical">
        {currentParentName && (
          <Form.Item label={t('org.moveCurrentParent')}>
            <Typography.Text>{currentParentName}</Typography.Text>
          </Form.Item>
        )}
        <Form.Item label={t('org.moveNewParent')} required>
          <TreeSelect<number>
            treeDataSimpleMode
            treeData={options}
            treeExpandedKeys={expandedKeys}
            onTreeExpand={(keys) => setExpandedKeys(keys.map(Number))}
            treeLoadedKeys={loadedKeys}
            value={newParentId}
            onChange={setNewParentId}
            loadData={(node) => loadChildren(Number(node.value))}
            placeholder={t('org.moveNewParentRequired')}
            showSearch={{ treeNodeFilterProp: 'title' }}
            listHeight={360}
            popupMatchSelectWidth
            style={{ width: '100%' }}
            treeLine
            allowClear
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
