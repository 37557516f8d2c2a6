import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, Grid } from 'antd';
import { useT, type MessageKey } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { useBoxCounts } from '../hooks/useBoxCounts';
import { useTransferList } from '../hooks/useTransferList';
import type { TransferBox, TransferDetail } from '../types/transfer';
import { IncomingTransferModal } from './IncomingTransferModal';
import { StartTransferModal } from './StartTransferModal';
import { TransferBoxTabs } from './TransferBoxTabs';
import { TransferDetailDrawer } from './TransferDetailDrawer';
import { TransferFilters } from './TransferFilters';
import { TransferTable } from './TransferTable';
import { TransferToolbar, type TransferToolbarAction } from './TransferToolbar';

const EMPTY: Record<TransferBox, MessageKey> = {
  todo: 'transfer.empty.todo',
  outgoing: 'transfer.empty.outgoing',
  incoming: 'transfer.empty.incoming',
  all: 'transfer.empty.all',
};

type Props = {
  /** The box and state a link asked for (e.g. the 待办 list's). */
  initialBox: TransferBox | null;
  initialStatus: string | undefined;
  /** Bumped by the page's refresh button. */
  reloadToken: number;
};

/** 转接办理: the boxes with their counts, the filters, the transfers, the forms to start one, the detail. */
export function TransferWorkspace({ initialBox, initialStatus, reloadToken }: Props) {
  const t = useT();
  const can = useCan();
  const errorMessage = useErrorMessage();
  const screens = Grid.useBreakpoint();
  // Only a post that decides has a 待我审批 box.
  const boxes: TransferBox[] = can('transfer.approve') ? ['todo', 'outgoing', 'incoming', 'all'] : ['outgoing', 'incoming', 'all'];
  const [box, setBox] = useState<TransferBox>(() => (initialBox && boxes.includes(initialBox) ? initialBox : boxes[0]!));
  const [status, setStatus] = useState<string | undefined>(initialStatus);
  const [q, setQ] = useState('');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<TransferToolbarAction | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);

  const list = useTransferList({ box, status, q: q || undefined, ...paging });
  const counts = useBoxCounts(boxes, status, q || undefined);
  const reloadAll = () => {
    list.reload();
    counts.reload();
  };
  const shownToken = useRef(reloadToken);
  useEffect(() => {
    if (shownToken.current === reloadToken) return;
    shownToken.current = reloadToken;
    list.reload();
    counts.reload();
  }, [reloadToken, list.reload, counts.reload]);
  const firstPage = () => setPaging((prev) => ({ ...prev, page: 1 }));

  const started = (transfer: TransferDetail) => {
    setDialog(null);
    reloadAll();
    setOpenId(transfer.id);
  };

  return (
    <Flex vertical gap={12}>
      <TransferBoxTabs
        boxes={boxes}
        value={box}
        counts={counts.counts}
        onChange={(next) => {
          setBox(next);
          firstPage();
        }}
        extra={screens.md === false ? undefined : <TransferToolbar onAction={setDialog} />}
      />
      {screens.md === false && <TransferToolbar onAction={setDialog} />}
      <TransferFilters
        status={status}
        onStatusChange={(next) => {
          setStatus(next);
          firstPage();
        }}
        onSearch={(next) => {
          setQ(next);
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
      <TransferTable
        data={list.data}
        loading={list.loading}
        page={paging.page}
        pageSize={paging.pageSize}
        onPageChange={(page, pageSize) => setPaging({ page, pageSize })}
        onOpen={(transfer) => setOpenId(transfer.id)}
        compact={screens.md === false}
        emptyText={q || status ? t('transfer.empty.noMatch') : t(EMPTY[box])}
      />

      {dialog === 'start' && <StartTransferModal onClose={() => setDialog(null)} onStarted={started} />}
      {dialog === 'incoming' && <IncomingTransferModal onClose={() => setDialog(null)} onStarted={started} />}
      {openId !== null && <TransferDetailDrawer transferId={openId} onClose={() => setOpenId(null)} onChanged={reloadAll} />}
    </Flex>
  );
}
