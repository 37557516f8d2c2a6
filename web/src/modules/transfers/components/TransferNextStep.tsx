import { Alert } from 'antd';
import { useT } from '../../../i18n';
import { useTransferMeta } from '../hooks/useTransferMeta';
import type { TransferDetail } from '../types/transfer';
import { formatMinutes, minutesSince } from '../utils/duration';
import { currentOrgName, placedName } from '../utils/placed-name';

/** The last reason given with one of these actions, e.g. why it was returned. */
function lastReason(transfer: TransferDetail, actions: string[]): string {
  return [...transfer.events].reverse().find((e) => actions.includes(e.action))?.reason ?? '';
}

/** Where the transfer stands in one sentence, and what happens next and who does it. */
export function TransferNextStep({ transfer }: { transfer: TransferDetail }) {
  const t = useT();
  const { meta, stage } = useTransferMeta();
  const hours = meta?.responseHours ?? 48;
  const org = currentOrgName(t, transfer);
  const expires = transfer.expiresAt.slice(0, 10);
  const none = t('common.none');

  switch (transfer.status) {
    case 'pending':
      return (
        <Alert
          type={transfer.overdue ? 'warning' : 'info'}
          showIcon
          title={t('transfer.next.pending', { org, stage: stage(transfer.stages[transfer.stageIndex]), waited: formatMinutes(minutesSince(transfer.stageSince), t) })}
          description={transfer.overdue ? t('transfer.next.overdue', { hours }) : t('transfer.next.pendingHint', { hours, date: expires })}
        />
      );
    case 'appealed':
      return <Alert type="info" showIcon title={t('transfer.next.appealed', { org })} description={t('transfer.next.appealedHint')} />;
    case 'returned':
      return (
        <Alert
          type="warning"
          showIcon
          title={t('transfer.next.returned', { org, reason: lastReason(transfer, ['return']) || none })}
          description={t('transfer.next.returnedHint', { date: expires })}
        />
      );
    case 'completed':
      return (
        <Alert
          type="success"
          showIcon
          title={
            transfer.toOrg
              ? t('transfer.next.completed', { name: transfer.memberName, org: placedName(t, transfer.toOrg.name, transfer.toOrg.parentName) })
              : t('transfer.next.completedOutside', { name: transfer.memberName, place: transfer.outsideDestination ?? none })
          }
        />
      );
    case 'withdrawn':
      return <Alert type="info" showIcon title={t('transfer.next.withdrawn', { reason: lastReason(transfer, ['withdraw']) || none })} description={t('transfer.next.startAgain')} />;
    case 'expired':
      return <Alert type="error" showIcon title={t('transfer.next.expired')} description={t('transfer.next.startAgain')} />;
    case 'rejected':
      return (
        <Alert
          type="error"
          showIcon
          title={t('transfer.next.rejected', { reason: lastReason(transfer, ['reject_appeal']) || none })}
          description={t('transfer.next.startAgain')}
        />
      );
    default:
      return null;
  }
}
