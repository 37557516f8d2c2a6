import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Card } from 'antd';
import { useT } from '../i18n';
import { DuesRoster } from '../modules/dues/components/DuesRoster';
import { DuesStatsPanel } from '../modules/dues/components/DuesStatsPanel';
import { useDuesStats } from '../modules/dues/hooks/useDuesStats';
import { DUES_LIST_KINDS, type DuesListKind } from '../modules/dues/types/dues';
import { OrgTreeWorkspace } from '../modules/org/components/OrgTreeWorkspace';
import { useOrgSelection } from '../modules/org/hooks/useOrgSelection';
import { treeKey, useOrgTree } from '../modules/org/hooks/useOrgTree';

type DuesTab = 'roster' | 'stats';

/** 团费: the org tree on the left; the members' dues or the collection statistics of the selection on the right. */
export default function DuesPage() {
  const t = useT();
  const tree = useOrgTree();
  const { selectedId, current, select, expandedKeys, setExpandedKeys } = useOrgSelection(tree);
  const [tab, setTab] = useState<DuesTab>('roster');
  // The 待办 link opens a list directly (/dues?kind=lapse).
  const [searchParams] = useSearchParams();
  const asked = searchParams.get('kind');
  const [kind, setKind] = useState<DuesListKind>(DUES_LIST_KINDS.find((k) => k === asked) ?? 'all');
  const [reloadToken, setReloadToken] = useState(0);
  const stats = useDuesStats(selectedId, tab === 'stats');

  // The statistics show the post's root when nothing is selected, so the tree marks that one there.
  const shownId = tab === 'stats' ? (selectedId ?? stats.data?.org.orgId ?? null) : selectedId;

  // The tree follows the table: the parent and the chosen child open, so its children show too.
  const drill = (orgId: number) => {
    const open = [shownId, tree.getNode(orgId)?.childCount ? orgId : null].filter((id) => id !== null);
    for (const id of open) void tree.loadChildren(id).catch(() => undefined);
    setExpandedKeys((prev) => [...new Set([...prev, ...open.map(treeKey)])]);
    select(orgId);
  };

  return (
    <OrgTreeWorkspace
      tree={tree}
      selectedId={shownId}
      expandedKeys={expandedKeys}
      onExpandedKeysChange={setExpandedKeys}
      onSelect={(id) => id !== selectedId && select(id)}
      onRefresh={() => (tab === 'stats' ? stats.reload() : setReloadToken((v) => v + 1))}
    >
      <Card
        size="small"
        tabList={[
          { key: 'roster', label: t('dues.tab.roster') },
          { key: 'stats', label: t('dues.tab.stats') },
        ]}
        activeTabKey={tab}
        onTabChange={(key) => setTab(key as DuesTab)}
        tabProps={{ size: 'middle' }}
      >
        {tab === 'roster' ? (
          <DuesRoster
            current={current}
            orgId={selectedId ?? undefined}
            kind={kind}
            onKindChange={setKind}
            onShowAll={() => select(null)}
            reloadToken={reloadToken}
          />
        ) : (
          <DuesStatsPanel
            stats={stats}
            onDrill={drill}
            onOpenList={(listKind) => {
              // The list of the organization the statistics were about, the post's root included.
              if (selectedId === null && stats.data) select(stats.data.org.orgId);
              setKind(listKind);
              setTab('roster');
            }}
          />
        )}
      </Card>
    </OrgTreeWorkspace>
  );
}
