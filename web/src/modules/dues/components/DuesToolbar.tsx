import { Button, Flex, Space, Tooltip, Typography } from 'antd';
import { AccountBookOutlined, CloseCircleOutlined, FormOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import type { OrgTreeNode } from '../../org/types/org';

export type DuesToolbarAction = 'assess' | 'pay' | 'clearSelection' | 'showAll';

type Props = {
  /** The selected organization; undefined lists everyone the post may see. */
  current: OrgTreeNode | undefined;
  selectedCount: number;
  onAction: (action: DuesToolbarAction) => void;
};

/** Whose dues are listed and, for a post that collects, what to do with the ticked members. */
export function DuesToolbar({ current, selectedCount, onAction }: Props) {
  const t = useT();
  const can = useCan();
  const nothingSelected = selectedCount === 0 ? t('dues.selectFirst') : null;

  return (
    <Flex wrap gap={8} justify="space-between" align="center">
      <Space size={8} wrap style={{ minWidth: 0 }}>
        <Typography.Text type="secondary">{t('member.scope')}</Typography.Text>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {current?.name ?? t('member.scopeAll')}
        </Typography.Title>
        {current && (
          <Button size="small" type="link" icon={<CloseCircleOutlined />} onClick={() => onAction('showAll')}>
            {t('member.showAll')}
          </Button>
        )}
      </Space>
      {can('dues.collect') && (
        <Space size={8} wrap>
          {selectedCount > 0 && (
            <Typography.Text>
              {t('dues.selected', { count: selectedCount })}
              <Button type="link" size="small" onClick={() => onAction('clearSelection')}>
                {t('dues.clearSelection')}
              </Button>
            </Typography.Text>
          )}
          <Tooltip title={nothingSelected}>
            <Button icon={<FormOutlined />} disabled={selectedCount === 0} onClick={() => onAction('assess')}>
              {t('dues.assess.open')}
            </Button>
          </Tooltip>
          <Tooltip title={nothingSelected}>
            <Button
              type="primary"
              icon={<AccountBookOutlined />}
              disabled={selectedCount === 0}
              onClick={() => onAction('pay')}
            >
              {t('dues.pay.open')}
            </Button>
          </Tooltip>
        </Space>
      )}
    </Flex>
  );
}
