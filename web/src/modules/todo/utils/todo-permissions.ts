import type { Permission } from '../../auth/types/me';

/**
 * The permissions that bring work to a post's 待办 list (src/modules/todo/post-todo.ts): a post
 * holding any of them has a 工作台; a member's own account and the auditor have none.
 */
export const TODO_PERMISSIONS: readonly Permission[] = [
  'transfer.approve',
  'transfer.apply',
  'member.approve',
  'member.status',
  'admission.approve',
  'evaluation.approve',
  'dues.read',
  'workplan.report',
  'minor.approve',
  'subject.handle',
];
