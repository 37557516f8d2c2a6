import { Button, Space } from 'antd';
import { useT } from '../../../i18n';
import type { TransferRights } from '../types/transfer';
import { MOVES, type TransferMove } from '../utils/action-config';

type Props = {
  /** What the server says the caller may do now. */
  can: TransferRights;
  onMove: (move: TransferMove) => void;
};

/** The moves the server opens to the caller: the stage's decisions first, then 申诉 and 撤回. */
export function transferMoves(can: TransferRights): TransferMove[] {
  const moves: TransferMove[] = [...can.decide];
  if (can.appeal) moves.push('appeal');
  if (can.withdraw) moves.push('withdraw');
  // A code this page does not know has no button.
  return moves.filter((move) => move in MOVES);
}

/** One button per move open to the caller; nothing when there are none. */
export function TransferActions({ can, onMove }: Props) {
  const t = useT();
  const moves = transferMoves(can);
  if (moves.length === 0) return null;
  return (
    <Space wrap>
      {moves.map((move, index) => (
        <Button
          key={move}
          type={index === 0 && !MOVES[move].danger ? 'primary' : 'default'}
          danger={MOVES[move].danger}
          onClick={() => onMove(move)}
        >
          {t(MOVES[move].label)}
        </Button>
      ))}
    </Space>
  );
}
