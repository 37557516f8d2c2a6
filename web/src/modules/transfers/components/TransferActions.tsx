import { Button, Space } from 'antd';
import { useT } from '../../../i18n';
import type { Transfer } from '../types/transfer';
import { MOVES, type TransferMove } from '../utils/action-config';

type Props = {
  transfer: Transfer;
  /** The current post decides this stage. */
  mayDecide: boolean;
  /** The current post (or member) applied for it. */
  mayApply: boolean;
  onMove: (move: TransferMove) => void;
};

/** The moves open to the caller in the transfer's state; nothing when there are none. */
export function transferMoves(transfer: Pick<Transfer, 'status'>, mayDecide: boolean, mayApply: boolean): TransferMove[] {
  const moves: TransferMove[] = [];
  if (mayDecide && transfer.status === 'pending') moves.push('approve', 'return');
  if (mayDecide && transfer.status === 'appealed') moves.push('accept_appeal', 'reject_appeal');
  if (mayApply && transfer.status === 'returned') moves.push('appeal');
  if (mayApply && ['pending', 'returned', 'appealed'].includes(transfer.status)) moves.push('withdraw');
  return moves;
}

export function TransferActions({ transfer, mayDecide, mayApply, onMove }: Props) {
  const t = useT();
  const moves = transferMoves(transfer, mayDecide, mayApply);
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
