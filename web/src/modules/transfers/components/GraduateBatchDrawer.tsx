import { useState } from 'react';
import { Alert, Button, Drawer, Flex, Grid, Progress, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { useBatchGraduates } from '../hooks/useBatchGraduates';
import type { Graduate, GraduateBatch } from '../types/graduate';
import { AssignGraduatesModal } from './AssignGraduatesModal';
import { GraduateStateFilter, type GraduateFilter } from './GraduateStateFilter';
import { GraduateTable } from './GraduateTable';
import { TransferDetailDrawer } from './TransferDetailDrawer';

type Props = {
  batch: GraduateBatch;
  targetPercent: number | undefined;
  onClose: () => void;
  /** After destinations were assigned or a transfer moved, so that the counts refresh. */
  onChanged: () => void;
};

/** One batch: its progress, its graduates by state, and for posts that may apply the 分配去向 dialog. */
export function GraduateBatchDrawer({ batch, targetPercent, onClose, onChanged }: Props) {
  const t = useT();
  const can = useCan();
  const errorMessage = useErrorMessage();
  const screens = Grid.useBreakpoint();
  const [state, setState] = useState<GraduateFilter>(batch.unassigned > 0 ? 'unassigned' : 'all');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<ReadonlyMap<number, Graduate>>(new Map());
  const [assigning, setAssigning] = useState(false);
  const [transferId, setTransferId] = useState<number | null>(null);
  const list = useBatchGraduates({ batchId: batch.id, state: state === 'all' ? undefined : state, ...paging });
  const mayAssign = can('transfer.apply') && batch.status === 'open';
  const percent = batch.rate === null ? 0 : Math.round(batch.rate * 1000) / 10;

  const select = (ids: number[], rows: Graduate[]) =>
    setSelected((prev) => new Map(ids.flatMap((id) => {
      const row = rows.find((r) => r.memberId === id) ?? prev.get(id);
      return row ? [[id, row] as const] : [];
    })));

  return (
    <Drawer open title={batch.name} onClose={onClose} size={screens.md === false ? '100%' : 900} destroyOnHidden>
      <Flex vertical gap={12}>
        <Flex wrap gap={16} align="center">
          <Typography.Text>
            {t('graduate.batchSummary', { graduates: batch.graduates, settled: batch.settled, inTransfer: batch.inTransfer, unassigned: batch.unassigned })}
          </Typography.Text>
          <Progress
            percent={percent}
            size="small"
            style={{ width: 220, margin: 0 }}
            status={targetPercent !== undefined && percent >= targetPercent ? 'success' : 'normal'}
            format={(value) => t('graduate.rateOf', { rate: `${value ?? 0}%` })}
          />
        </Flex>
        <Flex wrap gap={8} align="center" justify="space-between">
          <GraduateStateFilter
            value={state}
            batch={batch}
            onChange={(next) => {
              setState(next);
              setPaging((prev) => ({ ...prev, page: 1 }));
            }}
          />
          {mayAssign && (
            <Button type="primary" disabled={selected.size === 0} onClick={() => setAssigning(true)}>
              {selected.size > 0 ? t('graduate.assign.openCount', { count: selected.size }) : t('graduate.assign.open')}
            </Button>
          )}
        </Flex>
        {mayAssign && selected.size === 0 && batch.unassigned > 0 && (
          <Typography.Text type="secondary">{t('graduate.assign.selectFirst')}</Typography.Text>
        )}
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
        <GraduateTable
          data={list.data}
          loading={list.loading}
          page={paging.page}
          pageSize={paging.pageSize}
          onPageChange={(page, pageSize) => setPaging({ page, pageSize })}
          selectedIds={mayAssign ? [...selected.keys()] : undefined}
          onSelectionChange={select}
          onOpenTransfer={setTransferId}
          emptyText={t(`graduate.empty.${state}`)}
        />
      </Flex>
      {assigning && (
        <AssignGraduatesModal
          batchId={batch.id}
          graduates={[...selected.values()]}
          onClose={() => setAssigning(false)}
          onAssigned={() => {
            setAssigning(false);
            setSelected(new Map());
            list.reload();
            onChanged();
          }}
        />
      )}
      {transferId !== null && (
        <TransferDetailDrawer
          transferId={transferId}
          onClose={() => setTransferId(null)}
          onChanged={() => {
            list.reload();
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}
