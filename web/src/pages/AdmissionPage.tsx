import { useState } from 'react';
import { Card } from 'antd';
import { useT } from '../i18n';
import { ApplicantsPanel } from '../modules/admission/components/ApplicantsPanel';
import { PlanPanel } from '../modules/admission/components/PlanPanel';
import { RatioPanel } from '../modules/admission/components/RatioPanel';
import { useDevelopmentPlan } from '../modules/admission/hooks/useDevelopmentPlan';
import { useYouthRatios } from '../modules/admission/hooks/useYouthRatios';
import { todayInChina } from '../modules/common/utils/today-in-china';
import { OrgTreeWorkspace } from '../modules/org/components/OrgTreeWorkspace';
import { useOrgSelection } from '../modules/org/hooks/useOrgSelection';
import { treeKey, useOrgTree } from '../modules/org/hooks/useOrgTree';

type AdmissionTab = 'applicants' | 'plan' | 'ratio';

/** 团员发展: the org tree on the left; the applicants, the year's plan or the 团青比 of the selection on the right. */
export default function AdmissionPage() {
  const t = useT();
  const tree = useOrgTree();
  const { selectedId, current, select, expandedKeys, setExpandedKeys } = useOrgSelection(tree);
  const [tab, setTab] = useState<AdmissionTab>('applicants');
  const [year, setYear] = useState(() => Number(todayInChina().slice(0, 4)));
  const [reloadToken, setReloadToken] = useState(0);
  const plan = useDevelopmentPlan(year, selectedId, tab === 'plan');
  const ratios = useYouthRatios(selectedId, tab === 'ratio');

  // A 团支部书记 sees one branch: applications go there without selecting it first.
  const onlyRoot = tree.rootIds.length === 1 ? tree.rootIds[0] : undefined;
  const createIn = current ?? (onlyRoot === undefined ? undefined : tree.getNode(onlyRoot));
  // The plan and ratios show the post's root when nothing is selected, so the tree marks that one there.
  const shownOrgId = tab === 'plan' ? plan.data?.org.orgId : tab === 'ratio' ? ratios.data?.org.orgId : undefined;
  const shownId = selectedId ?? shownOrgId ?? null;

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
      onRefresh={() => (tab === 'plan' ? plan.reload() : tab === 'ratio' ? ratios.reload() : setReloadToken((v) => v + 1))}
    >
      <Card
        size="small"
        tabList={[
          { key: 'applicants', label: t('admission.tab.applicants') },
          { key: 'plan', label: t('admission.tab.plan') },
          { key: 'ratio', label: t('admission.tab.ratio') },
        ]}
        activeTabKey={tab}
        onTabChange={(key) => setTab(key as AdmissionTab)}
        tabProps={{ size: 'middle' }}
      >
        {tab === 'applicants' && <ApplicantsPanel current={current} createIn={createIn} reloadToken={reloadToken} />}
        {tab === 'plan' && <PlanPanel plan={plan} year={year} onYearChange={setYear} onDrill={drill} />}
        {tab === 'ratio' && <RatioPanel ratios={ratios} onDrill={drill} />}
      </Card>
    </OrgTreeWorkspace>
  );
}
