import type { Transfer } from '../types/transfer';

export type StepState = 'wait' | 'process' | 'finish' | 'error';

/**
 * How each stage of the chain stands: the ones before the current stage are approved; the current
 * one is waiting (or waiting for the applicant after a return, or where it ended); a completed
 * transfer has every stage approved.
 */
export function stageStates(transfer: Pick<Transfer, 'stages' | 'stageIndex' | 'status'>): StepState[] {
  return transfer.stages.map((_, index) => {
    if (transfer.status === 'completed' || index < transfer.stageIndex) return 'finish';
    if (index > transfer.stageIndex) return 'wait';
    switch (transfer.status) {
      case 'pending':
      case 'appealed':
        return 'process';
      case 'returned':
      case 'rejected':
      case 'expired':
        return 'error';
      default:
        // 撤回: the chain simply stops where it stood.
        return 'wait';
    }
  });
}
