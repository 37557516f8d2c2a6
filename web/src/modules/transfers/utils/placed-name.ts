import type { Translate } from '../../../i18n';
import type { OrgRef, Transfer } from '../types/transfer';

/**
 * The name of the organization above `org` when it is the transfer's sending or receiving one
 * (branch names repeat across the province); null for any other organization and at the root.
 */
export function parentNameOf(transfer: Pick<Transfer, 'fromOrg' | 'toOrg'>, org: OrgRef | null): string | null {
  if (!org) return null;
  if (org.id === transfer.fromOrg.id) return transfer.fromOrg.parentName;
  if (org.id === transfer.toOrg?.id) return transfer.toOrg.parentName;
  return null;
}

/** "团支部名称（上级名称）", or the name alone when nothing is above it. */
export function placedName(t: Translate, name: string, parentName: string | null | undefined): string {
  return parentName ? t('transfer.withDetail', { name, detail: parentName }) : name;
}

/** The organization the transfer waits at, with the one above it when it is a branch of the transfer. */
export function currentOrgName(t: Translate, transfer: Pick<Transfer, 'fromOrg' | 'toOrg' | 'currentOrg'>): string {
  return transfer.currentOrg ? placedName(t, transfer.currentOrg.name, parentNameOf(transfer, transfer.currentOrg)) : '';
}
