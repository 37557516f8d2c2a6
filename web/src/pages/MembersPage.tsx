import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Flex, Grid } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../i18n';
import { useCan } from '../modules/auth/hooks/useSession';
import { useErrorMessage } from '../modules/common/hooks/useErrorMessage';
import { saveBlob } from '../modules/common/utils/save-blob';
import { MemberImportDrawer } from '../modules/member-import/components/MemberImportDrawer';
import { exportMembers, getMember } from '../modules/members/api/member-api';
import { MemberDetailDrawer } from '../modules/members/components/MemberDetailDrawer';
import { MemberFilters } from '../modules/members/components/MemberFilters';
import { MemberFormModal, type MemberFormTarget } from '../modules/members/components/MemberFormModal';
import { MemberStatusDialog, type StatusDialog } from '../modules/members/components/MemberStatusDialog';
import { MemberTable, type MemberRowAction } from '../modules/members/components/MemberTable';
import { MemberToolbar, type MemberToolbarAction } from '../modules/members/components/MemberToolbar';
import { useWorklistTabList } from '../modules/members/components/MemberWorklistTabs';
import { useMemberList } from '../modules/members/hooks/useMemberList';
import { useWorklistCounts, type WorklistKey } from '../modules/members/hooks/useWorklistCounts';
import type { Member, MemberListFilter, MemberSort } from '../modules/members/types/member';
import { countFilters, type MemberFilterValues } from '../modules/members/utils/filter-values';
import { OrgTreeWorkspace } from '../modules/org/components/OrgTreeWorkspace';
import { useOrgSelection } from '../modules/org/hooks/useOrgSelection';
import { useOrgTree } from '../modules/org/hooks/useOrgTree';

// The server's own default; the 姓名 column shows it as sorted.
const DEFAULT_SORT: MemberSort = { sort: 'name', order: 'asc' };

const isWorklist = (value: string | null): value is WorklistKey =>
  value === 'all' || value === 'age_out' || value === 'pending_approval';

/** 团员管理: the org tree on the left, the members of the selected subtree on the right. */
export default function MembersPage() {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const can = useCan();
  const screens = Grid.useBreakpoint();
  const tree = useOrgTree();
  const { selectedId, current, select, expandedKeys, setExpandedKeys } = useOrgSelection(tree);

  // The search text stays out of the URL: it may be an ID or phone number.
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<MemberFilterValues>({});
  const [sort, setSort] = useState<MemberSort>(DEFAULT_SORT);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  // Read once from a link (e.g. the statistics page's 待审核变动); the tabs own it afterwards.
  const [searchParams] = useSearchParams();
  const worklistKeys: WorklistKey[] = can('member.approve')
    ? ['all', 'age_out', 'pending_approval']
    : ['all', 'age_out'];
  const [worklist, setWorklist] = useState<WorklistKey>(() => {
    const linked = searchParams.get('worklist');
    return isWorklist(linked) && worklistKeys.includes(linked) ? linked : 'all';
  });

  const [formTarget, setFormTarget] = useState<MemberFormTarget | null>(null);
  // ?member=<id> opens one record, e.g. from 我的申请 once a minor's record is approved.
  const [detailId, setDetailId] = useState<number | null>(() => Number(searchParams.get('member')) || null);
  const [detailVersion, setDetailVersion] = useState(0);
  const [exporting, setExporting] = useState(false);
  const [importing, setImporting] = useState(false);
  const [statusTarget, setStatusTarget] = useState<{ member: Member; dialog: StatusDialog } | null>(null);

  // A 团支部书记 sees one branch: new members go there without selecting it first.
  const onlyRoot = tree.rootIds.length === 1 ? tree.rootIds[0] : undefined;
  const createIn = current ?? (onlyRoot === undefined ? undefined : tree.getNode(onlyRoot));

  const filter = useMemo<MemberListFilter>(
    () => ({ orgId: selectedId ?? undefined, q: q || undefined, ...filters, ...sort }),
    [selectedId, q, filters, sort],
  );
  const list = useMemberList({ ...filter, worklist: worklist === 'all' ? undefined : worklist, ...paging });
  const worklistCounts = useWorklistCounts(filter, worklistKeys);
  const tabList = useWorklistTabList(worklistKeys, worklistCounts.counts);

  const reloadAll = () => {
    list.reload();
    worklistCounts.reload();
  };

  const firstPage = () => setPaging((prev) => ({ ...prev, page: 1 }));

  const selectOrg = (id: number | null) => {
    if (id === selectedId) return;
    select(id);
    firstPage();
  };

  const openEdit = async (id: number, known?: Member) => {
    try {
      setFormTarget({ mode: 'edit', member: known ?? (await getMember(id)) });
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const runExport = async () => {
    setExporting(true);
    try {
      const fallback = `${current?.name ?? t('nav.members')}.xlsx`;
      const { blob, filename } = await exportMembers(filter, fallback);
      saveBlob(blob, filename);
      message.success(t('member.exported', { file: filename }));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };

  const onToolbar = (action: MemberToolbarAction) => {
    switch (action) {
      case 'create':
        if (createIn) setFormTarget({ mode: 'create', branch: { id: createIn.id, name: createIn.name } });
        break;
      case 'import':
        setImporting(true);
        break;
      case 'export':
        void runExport();
        break;
      case 'showAll':
        selectOrg(null);
        break;
    }
  };

  const onRow = (action: MemberRowAction, member: Member) => {
    switch (action) {
      case 'details':
        setDetailId(member.id);
        break;
      case 'edit':
        void openEdit(member.id, member);
        break;
      case 'exit':
        setStatusTarget({ member, dialog: { kind: 'request', initialKind: 'aged_out' } });
        break;
      case 'decide':
        setStatusTarget({ member, dialog: { kind: 'decide' } });
        break;
    }
  };

  const filtered = q !== '' || countFilters(filters) > 0;

  return (
    <>
      <OrgTreeWorkspace
        tree={tree}
        selectedId={selectedId}
        expandedKeys={expandedKeys}
        onExpandedKeysChange={setExpandedKeys}
        onSelect={selectOrg}
        onRefresh={reloadAll}
      >
        <Card
          size="small"
          tabList={tabList}
          activeTabKey={worklist}
          onTabChange={(key) => {
            setWorklist(key as WorklistKey);
            firstPage();
          }}
          // Three tabs with their counts just fit a phone when the gaps are narrow.
          tabProps={{ size: 'middle', tabBarGutter: screens.sm === false ? 12 : undefined }}
        >
          <Flex vertical gap={12}>
            <MemberToolbar current={current} createIn={createIn} exporting={exporting} filter={filter} onAction={onToolbar} />
            <MemberFilters
              q={q}
              onSearch={(text) => {
                setQ(text);
                firstPage();
              }}
              filters={filters}
              onFiltersChange={(next) => {
                setFilters(next);
                firstPage();
              }}
            />
            {list.error !== null && (
              <Alert
                type="error"
                showIcon
                title={errorMessage(list.error)}
                action={
                  <Button size="small" onClick={list.reload}>
                    {t('common.retry')}
                  </Button>
                }
              />
            )}
            <MemberTable
              data={list.data}
              loading={list.loading}
              page={paging.page}
              pageSize={paging.pageSize}
              onPageChange={(page, pageSize) => setPaging({ page, pageSize })}
              sort={sort}
              onSortChange={(next) => {
                setSort(next ?? DEFAULT_SORT);
                firstPage();
              }}
              onAction={onRow}
              compact={screens.md === false}
              emptyText={filtered || worklist !== 'all' ? t('member.noMatch') : t('member.empty')}
              worklist={worklist === 'all' ? undefined : worklist}
            />
          </Flex>
        </Card>
      </OrgTreeWorkspace>

      {formTarget && (
        <MemberFormModal
          target={formTarget}
          onClose={() => setFormTarget(null)}
          onSaved={() => {
            setFormTarget(null);
            reloadAll();
            setDetailVersion((v) => v + 1);
          }}
        />
      )}
      {detailId !== null && (
        <MemberDetailDrawer
          memberId={detailId}
          reloadToken={detailVersion}
          onEdit={(member) => void openEdit(member.id, member)}
          onStatusChanged={reloadAll}
          onClose={() => setDetailId(null)}
        />
      )}
      {statusTarget && (
        <MemberStatusDialog
          member={statusTarget.member}
          dialog={statusTarget.dialog}
          onClose={() => setStatusTarget(null)}
          onDone={() => {
            setStatusTarget(null);
            reloadAll();
          }}
        />
      )}
      {importing && (
        <MemberImportDrawer
          onImported={reloadAll}
          onClose={() => {
            setImporting(false);
            // A job left running imports all the same; show whatever it has put in by now.
            reloadAll();
          }}
        />
      )}
    </>
  );
}
