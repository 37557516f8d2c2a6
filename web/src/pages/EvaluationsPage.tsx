import { useState } from 'react';
import { Card } from 'antd';
import { useT } from '../i18n';
import { YearSelect } from '../modules/admission/components/YearSelect';
import { todayInChina } from '../modules/common/utils/today-in-china';
import { BranchCyclePanel } from '../modules/evaluations/components/BranchCyclePanel';
import { CycleList } from '../modules/evaluations/components/CycleList';
import { ProgressPanel } from '../modules/evaluations/components/ProgressPanel';
import { UnregisteredPanel } from '../modules/evaluations/components/UnregisteredPanel';
import { useProgress } from '../modules/evaluations/hooks/useProgress';
import { OrgTreeWorkspace } from '../modules/org/components/OrgTreeWorkspace';
import { useOrgSelection } from '../modules/org/hooks/useOrgSelection';
import { treeKey, useOrgTree } from '../modules/org/hooks/useOrgTree';

type EvaluationTab = 'cycles' | 'unregistered' | 'progress';

/**
 * 团籍注册与教育评议: the org tree on the left; for a branch its cycle of the year, above it the
 * branches' cycles (those waiting for approval first), the members not registered, and the progress.
 */
export default function EvaluationsPage() {
  const t = useT();
  const tree = useOrgTree();
  const { selectedId, current, select, expandedKeys, setExpandedKeys } = useOrgSelection(tree);
  const [tab, setTab] = useState<EvaluationTab>('cycles');
  const [year, setYear] = useState(() => Number(todayInChina().slice(0, 4)));
  const [reloadToken, setReloadToken] = useState(0);
  const progress = useProgress(year, selectedId, tab === 'progress');

  // A 团支部书记 sees one branch: its cycle shows without selecting it first.
  const onlyRoot = tree.rootIds.length === 1 ? tree.rootIds[0] : undefined;
  const target = current ?? (onlyRoot === undefined ? undefined : tree.getNode(onlyRoot));
  const shownId = selectedId ?? (tab === 'progress' ? (progress.data?.org.orgId ?? null) : null);

  const drill = (orgId: number) => {
    const open = [shownId, tree.getNode(orgId)?.childCount ? orgId : null].filter((id) => id !== null);
    for (const id of open) void tree.loadChildren(id).catch(() => undefined);
    setExpandedKeys((prev) => [...new Set([...prev, ...open.map(treeKey)])]);
    select(orgId);
  };
  const refresh = () => (tab === 'progress' ? progress.reload() : setReloadToken((v) => v + 1));

  return (
    <OrgTreeWorkspace
      tree={tree}
      selectedId={shownId}
      expandedKeys={expandedKeys}
      onExpandedKeysChange={setExpandedKeys}
      onSelect={(id) => id !== selectedId && select(id)}
      onRefresh={refresh}
    >
      <Card
        size="small"
        tabList={[
          { key: 'cycles', label: t('evaluation.tab.cycles') },
          { key: 'unregistered', label: t('evaluation.tab.unregistered') },
          { key: 'progress', label: t('evaluation.tab.progress') },
        ]}
        activeTabKey={tab}
        onTabChange={(key) => setTab(key as EvaluationTab)}
        tabProps={{ size: 'middle' }}
        tabBarExtraContent={<YearSelect value={year} onChange={setYear} />}
      >
        {tab === 'cycles' &&
          (target?.type === 'branch' ? (
            <BranchCyclePanel key={`${target.id}-${year}-${reloadToken}`} branch={target} year={year} />
          ) : (
            <CycleList key={`${selectedId}-${year}-${reloadToken}`} orgId={selectedId ?? undefined} orgName={current?.name} year={year} />
          ))}
        {tab === 'unregistered' && <UnregisteredPanel orgId={selectedId ?? undefined} year={year} reloadToken={reloadToken} />}
        {tab === 'progress' && <ProgressPanel progress={progress} onDrill={drill} />}
      </Card>
    </OrgTreeWorkspace>
  );
}
