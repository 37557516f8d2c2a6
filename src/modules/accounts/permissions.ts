import type { ScopeKind } from '../../platform/scope/data-scope.ts';

/** Named permissions a role may hold. */
export const PERMISSIONS = {
  'org.read': { zh: '查看组织', en: 'View organizations' },
  'org.create': { zh: '新建组织', en: 'Create organizations' },
  'org.update': { zh: '编辑组织', en: 'Edit organizations' },
  'org.move': { zh: '调整组织隶属关系', en: 'Move organizations' },
  'org.deactivate': { zh: '停用/启用组织', en: 'Deactivate or reactivate organizations' },
  'org.export': { zh: '导出组织', en: 'Export organizations' },
  'audit.read': { zh: '查看审计日志', en: 'Read the audit log' },
  'user.manage': { zh: '管理账号与任职', en: 'Manage accounts and posts' },
} as const;
export type Permission = keyof typeof PERMISSIONS;

/** A role shipped with the product; `syncBuiltInRoles` keeps the database equal to this list. */
export type BuiltInRole = { code: string; zh: string; en: string; defaultScope: ScopeKind; permissions: Permission[] };

export const BUILT_IN_ROLES: BuiltInRole[] = [
  {
    code: 'province_admin', zh: '省级管理员', en: 'Provincial administrator', defaultScope: 'all',
    permissions: ['org.read', 'org.create', 'org.update', 'org.move', 'org.deactivate', 'org.export', 'audit.read', 'user.manage'],
  },
  {
    code: 'committee_admin', zh: '团委管理员', en: 'Committee administrator', defaultScope: 'subtree',
    permissions: ['org.read', 'org.create', 'org.update', 'org.move', 'org.deactivate', 'org.export', 'audit.read'],
  },
  {
    code: 'branch_secretary', zh: '团支部书记', en: 'Branch secretary', defaultScope: 'self_org',
    permissions: ['org.read', 'org.update', 'org.export'],
  },
  {
    code: 'auditor', zh: '审计管理员', en: 'Audit administrator', defaultScope: 'all',
    permissions: ['audit.read'],
  },
];
