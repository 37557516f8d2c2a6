import { useCan } from '../../auth/hooks/useSession';
import { listTransfers } from '../api/transfer-api';
import { OPEN_STATUSES, type Transfer, type TransferBox } from '../types/transfer';
import { useFetched } from './useFetched';

export type TransferRights = { decide: boolean; applicant: boolean };

const NONE: TransferRights = { decide: false, applicant: false };

/**
 * What the current post may do with a transfer. The detail does not say, so the boxes do: a post
 * decides what waits in its 待我审批 box, and acts as the applicant (申诉, 撤回) on what its side
 * started — the receiving side when it started the transfer, else the sending side. Each box is
 * asked for this member's transfers in the same state, which is a handful of rows.
 */
export function useTransferRights(transfer: Transfer | null): TransferRights {
  const can = useCan();
  const open = transfer !== null && OPEN_STATUSES.includes(transfer.status);
  const mayDecide = open && can('transfer.approve') && (transfer.status === 'pending' || transfer.status === 'appealed');
  const mayApply = open && can('transfer.apply');
  const applicantBox: TransferBox = transfer?.initiatedBy === 'in_org' ? 'incoming' : 'outgoing';

  const holds = async (box: TransferBox, signal: AbortSignal) => {
    const page = await listTransfers({ box, status: transfer!.status, q: transfer!.memberName, page: 1, pageSize: 200 }, signal);
    return page.items.some((item) => item.id === transfer!.id);
  };
  const key = transfer ? `${transfer.id}:${transfer.status}:${transfer.stageIndex}` : 'none';
  const { data } = useFetched<TransferRights & { key: string }>(
    async (signal) => {
      const [decide, applicant] = await Promise.all([
        mayDecide ? holds('todo', signal) : false,
        mayApply ? holds(applicantBox, signal) : false,
      ]);
      return { key, decide, applicant };
    },
    key,
    mayDecide || mayApply,
  );
  // The answer about an earlier state of the transfer says nothing about this one.
  return (mayDecide || mayApply) && data?.key === key ? { decide: data.decide, applicant: data.applicant } : NONE;
}
