import { useState } from 'react';
import { Alert, Button, Card, Col, Flex, Grid, Row, Skeleton, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useT } from '../i18n';
import { useErrorMessage } from '../modules/common/hooks/useErrorMessage';
import { useWindowHeight } from '../modules/common/hooks/useWindowHeight';
import { StatCharts } from '../modules/member-stats/components/StatCharts';
import { StatSummary } from '../modules/member-stats/components/StatSummary';
import { StatTable } from '../modules/member-stats/components/StatTable';
import { WeakBranchList } from '../modules/member-stats/components/WeakBranchList';
import { useMemberStats } from '../modules/member-stats/hooks/useMemberStats';
import { OrgTree } from '../modules/org/components/OrgTree';
import { useOrgSelection } from '../modules/org/hooks/useOrgSelection';
import { treeKey, useOrgTree } from '../modules/org/hooks/useOrgTree';

type StatsTab = 'overview' | 'hollow' | 'no_cadre';

/** 团员统计: the tree on the left; counts, charts and the weak-branch lists of the selection on the right. */
export default function MemberStatsPage() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const screens = Grid.useBreakpoint();
  const narrow = screens.lg === false;
  const windowHeight = useWindowHeight();
  const tree = useOrgTree();
  const { selectedId, select, expandedKeys, setExpandedKeys } = useOrgSelection(tree);
  const [tab, setTab] = useState<StatsTab>('overview');
  const stats = useMemberStats(selectedId);

  // Nothing selected shows the post's root, so the tree marks that one.
  const shownId = selectedId ?? stats.data?.org.orgId ?? null;

  // The tree follows the table: the parent and the chosen child open, so its children show too.
  const drill = (orgId: number) => {
    const open = [shownId, tree.getNode(orgId)?.childCount ? orgId : null].filter((id) => id !== null);
    for (const id of open) void tree.loadChildren(id).catch(() => undefined);
    setExpandedKeys((prev) => [...new Set([...prev, ...open.map(treeKey)])]);
    select(orgId);
  };

  const treeHeight = narrow ? 300 : Math.max(320, windowHeight - 190);
  const data = stats.data;

  const overview = (
    <Flex vertical gap={12}>
      {stats.error !== null && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(stats.error)}
          action={
            <Button size="small" onClick={stats.reload}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {!data && stats.error === null && <Skeleton active />}
      {data && (
        <>
          <StatSummary row={data.org} />
          <StatCharts row={data.org} ageBands={data.ageBands} />
          <Typography.Title level={5} className="tw-section-title">
            {data.children.length > 0 ? t('stats.tableTitle') : t('stats.tableTitleLeaf')}
          </Typography.Title>
          <StatTable stats={data} loading={stats.loading} onDrill={drill} />
        </>
      )}
    </Flex>
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={{ flex: '260px' }} xxl={{ flex: '320px' }}>
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
                  stats.reload();
                }}
              />
            </Tooltip>
          }
        >
          <OrgTree
            tree={tree}
            selectedId={shownId}
            expandedKeys={expandedKeys}
            onExpandedKeysChange={setExpandedKeys}
            onSelect={(id) => id !== selectedId && select(id)}
            height={treeHeight}
          />
        </Card>
      </Col>
      <Col xs={24} lg={{ flex: '1 1 0' }} style={{ minWidth: 0 }}>
        <Card
          size="small"
          title={
            <span className="tw-stats-title">
              {t('stats.title')}
              {data && <Typography.Text type="secondary">{data.org.name}</Typography.Text>}
            </span>
          }
          tabList={[
            { key: 'overview', label: t('stats.tab.overview') },
            { key: 'hollow', label: t('stats.tab.hollow') },
            { key: 'no_cadre', label: t('stats.tab.noCadre') },
          ]}
          activeTabKey={tab}
          onTabChange={(key) => setTab(key as StatsTab)}
          tabProps={{ size: 'middle' }}
        >
          {tab === 'overview' ? overview : <WeakBranchList kind={tab} orgId={shownId ?? undefined} />}
        </Card>
      </Col>
    </Row>
  );
}
