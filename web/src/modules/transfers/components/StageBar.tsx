import { Flex, Tooltip } from 'antd';
import { useTransferMeta } from '../hooks/useTransferMeta';
import type { Transfer } from '../types/transfer';
import { stageStates, type StepState } from '../utils/stage-state';

const COLORS: Record<StepState, string> = { finish: '#52c41a', process: '#1677ff', error: '#ff4d4f', wait: '#e5e5e5' };

/**
 * One short bar per stage, coloured by how it stands (approved, waiting, returned or ended, not
 * reached), each naming its stage on hover: the chain in the width of a table cell.
 */
export function StageBar({ transfer }: { transfer: Transfer }) {
  const { stage } = useTransferMeta();
  const states = stageStates(transfer);
  return (
    <Flex gap={3} style={{ width: '100%', maxWidth: 200 }} role="list" aria-label={transfer.stages.map((code) => stage(code)).join(' → ')}>
      {transfer.stages.map((code, index) => (
        <Tooltip key={code} title={stage(code)}>
          <span role="listitem" data-state={states[index]} style={{ flex: 1, height: 6, borderRadius: 3, background: COLORS[states[index]!] }} />
        </Tooltip>
      ))}
    </Flex>
  );
}
