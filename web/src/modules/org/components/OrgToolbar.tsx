import { Button, Flex, Space, Typography } from 'antd';
import {
  DownloadOutlined,
  DragOutlined,
  EditOutlined,
  PlusOutlined,
  PoweroffOutlined,
  ProfileOutlined,
} from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import type { OrgTreeNode } from '../types/org';
import { OrgStatusTag } from './OrgStatusTag';

export type OrgToolbarAction = 'create' | 'edit' | 'move' | 'deactivate' | 'reactivate' | 'details' | 'export';

type Props = {
  current: OrgTreeNode | undefined;
  exporting: boolean;
  /** The selected org is the post's own root: the level above moves or deactivates it. */
  isRoot: boolean;
  onAction: (action: OrgToolbarAction) => void;
};

/** The selected organization and what the post may do with it; each button needs its permission. */
export function OrgToolbar({ current, exporting, isRoot, onAction }: Props) {
  const t = useT();
  const can = useCan();
  const disabled = !current;

  return (
    <Flex wrap gap={8} justify="space-between" align="center">
      <Space size={8} wrap style={{ minWidth: 0 }}>
        <Typography.Text type="secondary">{t('org.current')}</Typography.Text>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {current?.name ?? t('org.selectHint')}
        </Typography.Title>
        {current && <OrgStatusTag status={current.status} hideActive />}
        {current && (
          <Button size="small" type="link" icon={<ProfileOutlined />} onClick={() => onAction('details')}>
            {t('common.details')}
          </Button>
        )}
      </Space>
      <Space size={8} wrap>
        {can('org.create') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={disabled || current?.status === 'inactive'}
            onClick={() => onAction('create')}
          >
            {t('org.create')}
          </Button>
        )}
        {can('org.update') && (
          <Button icon={<EditOutlined />} disabled={disabled} onClick={() => onAction('edit')}>
            {t('org.edit')}
          </Button>
        )}
        {can('org.move') && (
          <Button icon={<DragOutlined />} disabled={disabled || isRoot} onClick={() => onAction('move')}>
            {t('org.move')}
          </Button>
        )}
        {can('org.deactivate') &&
          (current?.status === 'inactive' ? (
            <Button icon={<PoweroffOutlined />} disabled={isRoot} onClick={() => onAction('reactivate')}>
              {t('org.reactivate')}
            </Button>
          ) : (
            <Button danger icon={<PoweroffOutlined />} disabled={disabled || isRoot} onClick={() => onAction('deactivate')}>
              {t('org.deactivate')}
            </Button>
          ))}
        {can('org.export') && (
          <Button icon={<DownloadOutlined />} loading={exporting} disabled={disabled} onClick={() => onAction('export')}>
            {exporting ? t('org.exporting') : t('org.export')}
          </Button>
        )}
      </Space>
    </Flex>
  );
}
