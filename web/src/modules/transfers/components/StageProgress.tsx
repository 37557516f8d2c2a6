import { Flex, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useTransferMeta } from '../hooks/useTransferMeta';
import type { Transfer } from '../types/transfer';
import { currentOrgName } from '../utils/placed-name';
import { StageBar } from './StageBar';

/**
 * The chain at a glance for a table cell: a bar per stage, then the stage the transfer stands at
 * and the organization it waits for.
 */
export function StageProgress({ transfer }: { transfer: Transfer }) {
  const t = useT();
  const { stage } = useTransferMeta();
  const done = transfer.status === 'completed';
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <StageBar transfer={transfer} />
      <Typography.Text style={{ fontSize: 12 }}>
        {done
          ? t('transfer.stage.allDone', { count: transfer.stages.length })
          : t('transfer.stage.position', {
              index: transfer.stageIndex + 1,
              total: transfer.stages.length,
              stage: stage(transfer.stages[transfer.stageIndex]),
            })}
      </Typography.Text>
      {transfer.currentOrg && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {currentOrgName(t, transfer)}
        </Typography.Text>
      )}
    </Flex>
  );
}
