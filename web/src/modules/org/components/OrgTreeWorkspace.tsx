import type { ReactNode } from 'react';
import { Button, Card, Col, Grid, Row, Tooltip } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useWindowHeight } from '../../common/hooks/useWindowHeight';
import type { OrgTreeModel } from '../hooks/useOrgTree';
import { OrgTree } from './OrgTree';

type Props = {
  tree: OrgTreeModel;
  /** The node the tree marks as chosen. */
  selectedId: number | null;
  expandedKeys: string[];
  onExpandedKeysChange: (keys: string[]) => void;
  onSelect: (id: number) => void;
  /** Reloads what the content area shows; the tree reloads its open levels by itself. */
  onRefresh: () => void;
  /** The content area, usually one card about the selected organization. */
  children: ReactNode;
};

// Header, page padding and the tree card's own title: what the tree's scroll area must leave free.
const CHROME_HEIGHT = 190;
const MIN_TREE_HEIGHT = 320;
// Stacked above the content on a narrow screen, the tree must leave room to see that content.
const STACKED_TREE_HEIGHT = 300;

/**
 * A page about one place in the organization tree: the tree in a side panel on the left, the
 * content on the right. On a screen narrower than `lg` the tree stacks above the content with a
 * fixed height; on a wide one it fills the window height and scrolls by itself.
 */
export function OrgTreeWorkspace({
  tree,
  selectedId,
  expandedKeys,
  onExpandedKeysChange,
  onSelect,
  onRefresh,
  children,
}: Props) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const windowHeight = useWindowHeight();
  const stacked = screens.lg === false;
  const treeHeight = stacked ? STACKED_TREE_HEIGHT : Math.max(MIN_TREE_HEIGHT, windowHeight - CHROME_HEIGHT);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={{ flex: '260px' }} xxl={{ flex: '320px' }} className="tw-workspace-side">
        <Card
          size="small"
          title={t('org.tree')}
          className="tw-org-tree-card"
          extra={
            <Tooltip title={t('common.refresh')}>
              <Button
                type="text"
                size="small"
                icon={<ReloadOutlined />}
                aria-label={t('common.refresh')}
                onClick={() => {
                  void tree.refresh(expandedKeys.map(Number));
                  onRefresh();
                }}
              />
            </Tooltip>
          }
        >
          <OrgTree
            tree={tree}
            selectedId={selectedId}
            expandedKeys={expandedKeys}
            onExpandedKeysChange={onExpandedKeysChange}
            onSelect={onSelect}
            height={treeHeight}
          />
        </Card>
      </Col>
      {/* minWidth 0 lets a wide table scroll inside the column instead of pushing the page wider. */}
      <Col xs={24} lg={{ flex: '1 1 0' }} style={{ minWidth: 0 }} className="tw-workspace-main">
        {children}
      </Col>
    </Row>
  );
}
