import type { MessageKey } from '../../../i18n';
import type { ApplicantAction, DecisionAction } from '../types/transfer';

export type TransferMove = DecisionAction | ApplicantAction;

type MoveConfig = {
  /** Button and dialog title. */
  label: MessageKey;
  /** What the dialog says the move does, and what comes next. */
  hint: MessageKey;
  /** The reason box: its label, and whether the move needs one (the server asks for two characters). */
  reason: { label: MessageKey; required: boolean } | null;
  /** Only 申诉 carries evidence. */
  evidence: boolean;
  danger: boolean;
  done: MessageKey;
};

export const MOVES: Record<TransferMove, MoveConfig> = {
  approve: { label: 'transfer.move.approve', hint: 'transfer.move.approveHint', reason: { label: 'transfer.field.opinion', required: false }, evidence: false, danger: false, done: 'transfer.move.approveDone' },
  return: { label: 'transfer.move.return', hint: 'transfer.move.returnHint', reason: { label: 'transfer.field.returnReason', required: true }, evidence: false, danger: true, done: 'transfer.move.returnDone' },
  accept_appeal: { label: 'transfer.move.accept_appeal', hint: 'transfer.move.acceptAppealHint', reason: { label: 'transfer.field.opinion', required: false }, evidence: false, danger: false, done: 'transfer.move.acceptAppealDone' },
  reject_appeal: { label: 'transfer.move.reject_appeal', hint: 'transfer.move.rejectAppealHint', reason: { label: 'transfer.field.rejectReason', required: true }, evidence: false, danger: true, done: 'transfer.move.rejectAppealDone' },
  appeal: { label: 'transfer.move.appeal', hint: 'transfer.move.appealHint', reason: { label: 'transfer.field.appealNote', required: false }, evidence: true, danger: false, done: 'transfer.move.appealDone' },
  withdraw: { label: 'transfer.move.withdraw', hint: 'transfer.move.withdrawHint', reason: { label: 'transfer.field.withdrawReason', required: true }, evidence: false, danger: true, done: 'transfer.move.withdrawDone' },
};
