import { useState } from 'react';
import { Alert, Button, Flex, Grid, Input } from 'antd';
import { useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import type { OrgTreeNode } from '../../org/types/org';
import { useDuesKindCounts } from '../hooks/useDuesKindCounts';
import { useDuesList } from '../hooks/useDuesList';
import { useDuesSelection } from '../hooks/useDuesSelection';
import type { DuesListKind } from '../types/dues';
import { AssessDuesModal } from './AssessDuesModal';
import { DuesKindFilter } from './DuesKindFilter';
import { DuesLedgerDrawer } from './DuesLedgerDrawer';
import { DuesMemberTable } from './DuesMemberTable';
import { DuesToolbar, type DuesToolbarAction } from './DuesToolbar';
import { RecordPaymentModal } from './RecordPaymentModal';

type Props = {
  /** The selected organization; undefined lists the whole scope. */
  current: OrgTreeNode | undefined;
  orgId: number | undefined;
  kind: DuesListKind;
  onKindChange: (kind: DuesListKind) => void;
  onShowAll: () => void;
  /** Bumped by the page's refresh button. */
  reloadToken: number;
};

type Dialog = 'assess' | 'pay' | null;

/** 团费名单: the filter, the search, the members with their standing, and the collection dialogs. */
export function DuesRoster({ current, orgId, kind, onKindChange, onShowAll, reloadToken }: Props) {
  const t = useT();
  const can = useCan();
  const errorMessage = useErrorMessage();
  const screens = Grid.useBreakpoint();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [ledgerId, setLedgerId] = useState<number | null>(null);
  const selection = useDuesSelection();

  const list = useDuesList({ orgId, kind, q: q || undefined, ...paging });
  const counts = useDuesKindCounts(orgId, q || undefined);

  const reloadAll = () => {
    list.reload();
    counts.reload();
  };

  // Another organization, list or search starts again at page 1; the page's refresh button reloads.
  const shownFor = JSON.stringify([orgId, kind, q]);
  const [last, setLast] = useState({ shownFor, reloadToken });
  if (last.shownFor !== shownFor || last.reloadToken !== reloadToken) {
    setLast({ shownFor, reloadToken });
    if (last.shownFor !== shownFor) setPaging((prev) => ({ ...prev, page: 1 }));
    if (last.reloadToken !== reloadToken) reloadAll();
  }

  const onToolbar = (action: DuesToolbarAction) => {
    switch (action) {
      case 'assess':
      case 'pay':
        setDialog(action);
        break;
      case 'clearSelection':
        selection.clear();
        break;
      case 'showAll':
        onShowAll();
        break;
    }
  };

  const emptyText = q ? t('member.noMatch') : t(`dues.empty.${kind}`);

  return (
    <Flex vertical gap={12}>
      <DuesToolbar current={current} selectedCount={selection.ids.length} onAction={onToolbar} />
      <Flex wrap gap={8} align="center" justify="space-between">
        <DuesKindFilter value={kind} counts={counts.counts} onChange={onKindChange} />
        <Input.Search
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            if (event.target.value === '') setQ('');
          }}
          onSearch={(value) => setQ(value.trim())}
          placeholder={t('dues.searchPlaceholder')}
          aria-label={t('dues.searchPlaceholder')}
          autoComplete="off"
          maxLength={30}
          allowClear
          enterButton
          style={{ flex: '1 1 220px', maxWidth: 320 }}
        />
      </Flex>
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
      <DuesMemberTable
        data={list.data}
        loading={list.loading}
        page={paging.page}
        pageSize={paging.pageSize}
        onPageChange={(page, pageSize) => setPaging({ page, pageSize })}
        onOpen={(member) => setLedgerId(member.id)}
        selectedIds={can('dues.collect') ? selection.ids : undefined}
        onSelectionChange={selection.change}
        compact={screens.md === false}
        emptyText={emptyText}
      />

      {dialog === 'assess' && (
        <AssessDuesModal
          members={selection.members}
          onClose={() => setDialog(null)}
          onAssessed={(monthlyFen) => {
            setDialog(null);
            selection.setMonthlyFen(monthlyFen);
            reloadAll();
          }}
        />
      )}
      {dialog === 'pay' && (
        <RecordPaymentModal
          members={selection.members}
          onClose={() => setDialog(null)}
          onRecorded={() => {
            setDialog(null);
            selection.clear();
            reloadAll();
          }}
          onAssessFirst={() => setDialog('assess')}
        />
      )}
      {ledgerId !== null && (
        <DuesLedgerDrawer memberId={ledgerId} onClose={() => setLedgerId(null)} onChanged={reloadAll} />
      )}
    </Flex>
  );
}
