import { useState } from 'react';
import { Button, Dropdown, Flex, Space, Tooltip, Typography } from 'antd';
import { CloseCircleOutlined, DownloadOutlined, DownOutlined, UploadOutlined, UserAddOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import { OrgStatusTag } from '../../org/components/OrgStatusTag';
import type { OrgTreeNode } from '../../org/types/org';
import type { MemberListFilter } from '../types/member';
import { FullExportModal } from './FullExportModal';
import { BranchActivationsButton } from '../../accounts/components/BranchActivationsButton';

export type MemberToolbarAction = 'create' | 'import' | 'export' | 'showAll';

type Props = {
  /** The selected organization; undefined lists everyone the post may see. */
  current: OrgTreeNode | undefined;
  /** Where 新增团员 would put the member: the selection, or a post's only org. */
  createIn: OrgTreeNode | undefined;
  exporting: boolean;
  /** The list's filter, for 完整导出 (which the toolbar runs itself, behind its reason dialog). */
  filter?: MemberListFilter;
  onAction: (action: MemberToolbarAction) => void;
};

/** Whose members are listed, and what the post may do; each button needs its permission. */
export function MemberToolbar({ current, createIn, exporting, filter, onAction }: Props) {
  const t = useT();
  const can = useCan();
  const [fullExport, setFullExport] = useState(false);
  // 脱敏导出 is the default; 完整导出 is offered only to posts holding member.export_full.
  const canExportFull = filter !== undefined && can('member.export_full');
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
        {isBranch && createIn.status === 'active' && <BranchActivationsButton branch={createIn} />}
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
        {can('member.export') && !canExportFull && (
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => onAction('export')}>
            {exporting ? t('member.exporting') : t('member.export')}
          </Button>
        )}
        {can('member.export') && canExportFull && (
          <Dropdown
            trigger={['click']}
            disabled={exporting}
            menu={{
              items: [
                { key: 'masked', label: t('export.masked'), extra: t('export.maskedHint') },
                { key: 'full', label: t('export.full'), extra: t('export.fullHint'), danger: true },
              ],
              onClick: ({ key }) => (key === 'full' ? setFullExport(true) : onAction('export')),
            }}
          >
            <Button icon={<DownloadOutlined />} loading={exporting}>
              {exporting ? t('member.exporting') : t('member.export')} <DownOutlined />
            </Button>
          </Dropdown>
        )}
        {fullExport && filter && (
          <FullExportModal filter={filter} scopeName={current?.name ?? t('member.scopeAll')} onClose={() => setFullExport(false)} />
        )}
      </Space>
    </Flex>
  );
}
