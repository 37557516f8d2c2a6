import type { Bilingual } from '../../../i18n';

/** Labels of the audit action codes; a code missing here is shown as it is. */
export const AUDIT_ACTION_LABELS: Record<string, Bilingual> = {
  'auth.login': { zh: '登录', en: 'Sign in' },
  'auth.logout': { zh: '退出登录', en: 'Sign out' },
  'auth.lockout': { zh: '账号锁定', en: 'Account locked' },
  'auth.switch_post': { zh: '切换岗位', en: 'Switch post' },
  'user.create': { zh: '新建用户', en: 'Create user' },
  'user.change_password': { zh: '修改密码', en: 'Change password' },
  'user.reset_password': { zh: '重置密码', en: 'Reset password' },
  'post.create': { zh: '新建任职', en: 'Create post' },
  'role.sync': { zh: '同步内置角色', en: 'Sync built-in roles' },
  'seed.demo': { zh: '写入演示数据', en: 'Seed demo data' },
  'org.create': { zh: '新建组织', en: 'Create organization' },
  'org.update': { zh: '编辑组织', en: 'Edit organization' },
  'org.move': { zh: '移动组织', en: 'Move organization' },
  'org.deactivate': { zh: '停用组织', en: 'Deactivate organization' },
  'org.reactivate': { zh: '启用组织', en: 'Reactivate organization' },
  'org.export': { zh: '导出组织', en: 'Export organizations' },
  'member.create': { zh: '新增团员', en: 'Add member' },
  'member.update': { zh: '编辑团员', en: 'Edit member' },
  'member.reveal': { zh: '查看团员完整信息', en: 'Reveal member details' },
  'member.export': { zh: '导出团员', en: 'Export members' },
};
