import { useState } from 'react';
import { Alert, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { useT } from '../i18n';
import { useErrorMessage } from '../modules/common/hooks/useErrorMessage';
import { StatCharts } from '../modules/member-stats/components/StatCharts';
import { StatSummary } from '../modules/member-stats/components/StatSummary';
import { StatTable } from '../modules/member-stats/components/StatTable';
import { WeakBranchList } from '../modules/member-stats/components/WeakBranchList';
import { useMemberStats } from '../modules/member-stats/hooks/useMemberStats';
import { OrgTreeWorkspace } from '../modules/org/components/OrgTreeWorkspace';
import { useOrgSelection } from '../modules/org/hooks/useOrgSelection';
import { treeKey, useOrgTree } from '../modules/org/hooks/useOrgTree';

type StatsTab = 'overview' | 'hollow' | 'no_cadre';

/** 团员统计: the tree on the left; counts, charts and the weak-branch lists of the selection on the right. */
export default function MemberStatsPage() {
  const t = useT();
  const errorMessage = useErrorMessage();
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
    <OrgTreeWorkspace
      tree={tree}
      selectedId={shownId}
      expandedKeys={expandedKeys}
      onExpandedKeysChange={setExpandedKeys}
      onSelect={(id) => id !== selectedId && select(id)}
      onRefresh={stats.reload}
    >
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
    </OrgTreeWorkspace>
  );
}
