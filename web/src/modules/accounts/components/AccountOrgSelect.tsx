import { Alert, App, TreeSelect } from 'antd';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { useAccountOrgs } from '../hooks/useAccountOrgs';

type Props = {
  value?: number;
  onChange?: (value: number | undefined) => void;
  /** Set by Form.Item, so that the label points at the control. */
  id?: string;
};

/** An organization of the post's scope, as a form control; deactivated organizations cannot be chosen. */
export function AccountOrgSelect({ value, onChange, id }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const orgs = useAccountOrgs();
  if (orgs.error !== null) return <Alert type="error" showIcon title={errorMessage(orgs.error)} />;
  const roots = new Set(orgs.rootIds);
  return (
    <TreeSelect<number>
      id={id}
      treeDataSimpleMode
      treeData={orgs.nodes.map((node) => ({
        id: String(node.id),
        pId: roots.has(node.id) || node.parentId === null ? null : String(node.parentId),
        value: node.id,
        title: node.name,
        isLeaf: node.childCount === 0,
        disabled: node.status !== 'active',
      }))}
      treeDefaultExpandedKeys={orgs.loaded}
      treeLoadedKeys={orgs.loaded}
      loadData={(node) => orgs.loadChildren(Number(node.value)).catch((err: unknown) => void message.error(errorMessage(err)))}
      value={value}
      onChange={onChange}
      placeholder={t('accounts.placeholder.org')}
      showSearch={{ treeNodeFilterProp: 'title' }}
      listHeight={360}
      style={{ width: '100%' }}
      treeLine
      allowClear
    />
  );
}
