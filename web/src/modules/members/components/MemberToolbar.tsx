import { Button, Flex, Space, Tooltip, Typography } from 'antd';
import { CloseCircleOutlined, DownloadOutlined, UploadOutlined, UserAddOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import { OrgStatusTag } from '../../org/components/OrgStatusTag';
import type { OrgTreeNode } from '../../org/types/org';

export type MemberToolbarAction = 'create' | 'import' | 'export' | 'showAll';

type Props = {
  /** The selected organization; undefined lists everyone the post may see. */
  current: OrgTreeNode | undefined;
  /** Where 新增团员 would put the member: the selection, or a post's only org. */
  createIn: OrgTreeNode | undefined;
  exporting: boolean;
  onAction: (action: MemberToolbarAction) => void;
};

/** Whose members are listed, and what the post may do; each button needs its permission. */
export function MemberToolbar({ current, createIn, exporting, onAction }: Props) {
  const t = useT();
  const can = useCan();
  // Members are registered in a 团支部 only; the committees above hold no members of their own.
  const isBranch = createIn?.type === 'branch';
  const createBlocked = !isBranch
    ? t('member.createNeedsBranch')
    : createIn.status === 'inactive'
      ? t('member.createInactiveBranch')
      : null;

  return (
    <Flex wrap gap={8} justify="space-between" align="center">
      <Space size={8} wrap style={{ minWidth: 0 }}>
        <Typography.Text type="secondary">{t('member.scope')}</Typography.Text>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {current?.name ?? t('member.scopeAll')}
        </Typography.Title>
        {current && <OrgStatusTag status={current.status} hideActive />}
        {current && (
          <Button size="small" type="link" icon={<CloseCircleOutlined />} onClick={() => onAction('showAll')}>
            {t('member.showAll')}
          </Button>
        )}
      </Space>
      <Space size={8} wrap>
        {can('member.create') && (
          <Tooltip title={createBlocked}>
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              disabled={createBlocked !== null}
              onClick={() => onAction('create')}
            >
              {t('member.create')}
            </Button>
          </Tooltip>
        )}
        {can('member.import') && (
          <Button icon={<UploadOutlined />} onClick={() => onAction('import')}>
            {t('member.import')}
          </Button>
        )}
        {can('member.export') && (
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => onAction('export')}>
            {exporting ? t('member.exporting') : t('member.export')}
          </Button>
        )}
      </Space>
    </Flex>
  );
}
