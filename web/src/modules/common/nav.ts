import type { MessageKey } from '../../i18n';
import type { Permission } from '../auth/types/me';

export type NavItem = { path: string; label: MessageKey; permission: Permission };

/** The side menu, in order; the first item the post may open is the home page. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/orgs', label: 'nav.orgs', permission: 'org.read' },
  { path: '/members', label: 'nav.members', permission: 'member.read' },
  { path: '/audit', label: 'nav.audit', permission: 'audit.read' },
];
