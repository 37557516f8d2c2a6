import { Flex, Grid, Steps, Typography } from 'antd';
import { useT } from '../../../i18n';
import { formatTime } from '../../common/utils/format-time';
import { useTransferMeta } from '../hooks/useTransferMeta';
import type { TransferDetail } from '../types/transfer';
import { stageStates } from '../utils/stage-state';

/**
 * 审批环节: each stage with its organization and, once decided, when and whether on behalf. Side by
 * side on a wide screen, one under the other on a phone, where four organization names do not fit.
 */
export function TransferChain({ transfer }: { transfer: TransferDetail }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const { stage } = useTransferMeta();
  const states = stageStates(transfer);
  const approvalOf = (code: string) =>
    [...transfer.events].reverse().find((e) => e.stage === code && (e.action === 'approve' || e.action === 'accept_appeal'));

  return (
    <Steps
      orientation={screens.md === false ? 'vertical' : 'horizontal'}
      titlePlacement="vertical"
      size="small"
      // A completed transfer has no stage in progress: every step shows as done.
      current={transfer.status === 'completed' ? transfer.stages.length : transfer.stageIndex}
      items={transfer.stages.map((code, index) => {
        const approval = states[index] === 'finish' ? approvalOf(code) : undefined;
        return {
          key: code,
          status: states[index],
          title: stage(code),
          content: (
            <Flex vertical gap={0}>
              <Typography.Text style={{ fontSize: 13 }}>{transfer.stageOrgs[index]?.name ?? t('common.none')}</Typography.Text>
              {approval && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(approval.at).slice(0, 16)}
                  {approval.onBehalf ? ` · ${t('transfer.onBehalf')}` : ''}
                </Typography.Text>
              )}
            </Flex>
          ),
        };
      })}
    />
  );
}
