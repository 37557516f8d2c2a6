import type { MessageKey } from '../../i18n';
import type { Permission } from '../auth/types/me';
import { TODO_PERMISSIONS } from '../todo/utils/todo-permissions';

/** An item opens for a post holding its permission, or any one of a list of them. */
export type NavItem = { path: string; label: MessageKey; permission: Permission | readonly Permission[] };

/**
 * The side menu, in order; the first item the post may open is the home page. A post with work
 * to do lands on its 工作台; a member's own account holds `self.read` alone, so its home is 我的团籍.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.home', permission: TODO_PERMISSIONS },
  { path: '/orgs', label: 'nav.orgs', permission: 'org.read' },
  { path: '/members', label: 'nav.members', permission: 'member.read' },
  { path: '/members/stats', label: 'nav.memberStats', permission: 'member.read' },
  { path: '/admission', label: 'nav.admission', permission: 'admission.read' },
  { path: '/evaluations', label: 'nav.evaluations', permission: 'evaluation.read' },
  { path: '/transfers', label: 'nav.transfers', permission: 'transfer.read' },
  { path: '/dues', label: 'nav.dues', permission: 'dues.read' },
  { path: '/workplan', label: 'nav.workplan', permission: 'workplan.read' },
  { path: '/accounts', label: 'nav.accounts', permission: 'user.read' },
  { path: '/subject-requests', label: 'nav.subjectRequests', permission: 'subject.handle' },
  { path: '/rules', label: 'nav.rules', permission: 'rules.read' },
  { path: '/minor-access', label: 'nav.minorAccess', permission: ['minor.approve', 'minor.report', 'member.read'] },
  { path: '/audit', label: 'nav.audit', permission: 'audit.read' },
  { path: '/security-alerts', label: 'nav.securityAlerts', permission: 'alert.read' },
  { path: '/incidents', label: 'nav.incidents', permission: 'incident.read' },
  { path: '/me', label: 'nav.me', permission: 'self.read' },
];

/** Whether a post holding `permissions` may open the item. */
export function mayOpen(item: NavItem, permissions: readonly string[]): boolean {
  const needed: readonly Permission[] = typeof item.permission === 'string' ? [item.permission] : item.permission;
  return needed.some((permission) => permissions.includes(permission));
}

/** The menu item a path belongs to: the longest one it starts with, so /members/stats is not /members. */
export function navItemOf(pathname: string): NavItem | undefined {
  return NAV_ITEMS.filter((item) => pathname === item.path || pathname.startsWith(`${item.path}/`)).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
}
