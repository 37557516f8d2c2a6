import { Descriptions } from 'antd';
import { useLang, useT } from '../../../i18n';
import { formatTime } from '../../common/utils/format-time';
import { useTransferMeta } from '../hooks/useTransferMeta';
import type { TransferDetail } from '../types/transfer';
import { placedName } from '../utils/placed-name';

/** The facts of a transfer: from where to where, why, who started it and until when it runs. */
export function TransferSummary({ transfer }: { transfer: TransferDetail }) {
  const t = useT();
  const { lang } = useLang();
  const { reason, scopeKind, initiator } = useTransferMeta();
  const none = t('common.none');
  // Many branches share a name: the organization above each side tells them apart.
  const { fromOrg, toOrg } = transfer;

  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 1, md: 2 }}
      styles={{ label: { width: lang === 'en-US' ? 130 : 84 } }}
      items={[
        { key: 'from', label: t('transfer.field.fromOrg'), children: placedName(t, fromOrg.name, fromOrg.parentName) },
        {
          key: 'to',
          label: t('transfer.field.toOrg'),
          children: toOrg ? placedName(t, toOrg.name, toOrg.parentName) : (transfer.outsideDestination ? t('transfer.outsideTo', { place: transfer.outsideDestination }) : none),
        },
        { key: 'scope', label: t('transfer.field.scopeKind'), children: scopeKind(transfer.scopeKind) },
        {
          key: 'reason',
          label: t('transfer.field.reason'),
          children: transfer.reasonText ? t('transfer.withDetail', { name: reason(transfer.reason), detail: transfer.reasonText }) : reason(transfer.reason),
        },
        { key: 'initiator', label: t('transfer.field.initiatedBy'), children: `${initiator(transfer.initiatedBy)} · ${transfer.createdBy}` },
        { key: 'created', label: t('transfer.field.createdAt'), children: formatTime(transfer.createdAt) },
        {
          key: 'ends',
          label: transfer.closedAt ? t('transfer.field.closedAt') : t('transfer.field.expiresAt'),
          children: formatTime(transfer.closedAt ?? transfer.expiresAt),
        },
      ]}
    />
  );
}
