import type { ScopeKind } from '../../platform/scope/data-scope.ts';

/** Named permissions a role may hold. */
export const PERMISSIONS = {
  'org.read': { zh: '查看组织', en: 'View organizations' },
  'org.create': { zh: '新建组织', en: 'Create organizations' },
  'org.update': { zh: '编辑组织', en: 'Edit organizations' },
  'org.move': { zh: '调整组织隶属关系', en: 'Move organizations' },
  'org.deactivate': { zh: '停用/启用组织', en: 'Deactivate or reactivate organizations' },
  'org.export': { zh: '导出组织', en: 'Export organizations' },
  'member.read': { zh: '查看团员', en: 'View members' },
  'member.create': { zh: '新增团员', en: 'Add members' },
  'member.update': { zh: '编辑团员', en: 'Edit members' },
  'member.reveal': { zh: '查看完整证件号码和手机号', en: 'Reveal full ID and phone numbers' },
  'member.export': { zh: '导出团员', en: 'Export members' },
  'member.export_full': { zh: '导出完整证件号码和手机号（须填写事由，文件带水印、限时下载）', en: 'Export full ID and phone numbers (with a reason; watermarked, expiring download)' },
  'member.status': { zh: '发起团籍变动、恢复团籍', en: 'Request status changes and restore membership' },
  'member.approve': { zh: '审批团籍变动', en: 'Approve status changes' },
  'member.import': { zh: 'Excel批量导入团员', en: 'Import members from Excel' },
  'dues.read': { zh: '查看团费台账与统计', en: 'View dues ledgers and statistics' },
  'dues.collect': { zh: '核定团费标准、登记和撤销收缴', en: 'Assess dues and record or reverse payments' },
  'transfer.read': { zh: '查看组织关系转接', en: 'View transfers' },
  'transfer.apply': { zh: '发起、申诉和撤回组织关系转接', en: 'Start, appeal and withdraw transfers' },
  'transfer.approve': { zh: '审批组织关系转接', en: 'Decide on transfers' },
  'admission.read': { zh: '查看团员发展', en: 'View admissions' },
  'admission.manage': { zh: '办理团员发展步骤和公示', en: 'Record admission steps and notices' },
  'admission.approve': { zh: '预审和审批发展团员', en: 'Pre-review and approve admissions' },
  'admission.plan': { zh: '下达发展计划、团员编号号段和青年数', en: 'Set quotas, number ranges and youth counts' },
  'evaluation.read': { zh: '查看团籍注册与教育评议', en: 'View registration and evaluation' },
  'evaluation.manage': { zh: '办理团籍注册与教育评议', en: 'Run registration and evaluation' },
  'evaluation.approve': { zh: '审批团籍注册与教育评议', en: 'Approve registration and evaluation' },
  'workplan.read': { zh: '查看工作要点与任务进展', en: 'View work plans and progress' },
  'workplan.manage': { zh: '导入工作要点、分解下达任务、设置指标', en: 'Import plans, assign tasks and set targets' },
  'workplan.report': { zh: '报送任务进展', en: 'Report progress on tasks' },
  'workplan.supervise': { zh: '督办提醒与年终评价', en: 'Supervise tasks and score them at year end' },
  'minor.approve': { zh: '审批查看未成年人信息', en: 'Approve staff access to minors\' records' },
  'minor.report': { zh: '未成年人个人信息年度合规报告', en: 'Yearly compliance report on minors\' personal data' },
  'self.transfer': { zh: '本人申请组织关系转接', en: 'Apply for one\'s own transfer' },
  'self.read': { zh: '查看本人团员信息', en: 'View one\'s own member record' },
  'rules.read': { zh: '查看规则参数', en: 'View rule numbers' },
  'rules.manage': { zh: '调整规则参数', en: 'Set rule numbers' },
  'audit.read': { zh: '查看审计日志', en: 'Read the audit log' },
  'alert.read': { zh: '查看安全告警', en: 'View security alerts' },
  'alert.acknowledge': { zh: '确认处理安全告警', en: 'Acknowledge security alerts' },
  'incident.read': { zh: '查看个人信息安全事件登记', en: 'View the personal-data incident register' },
  'incident.manage': { zh: '登记和处置个人信息安全事件（报告、通知、结案）', en: 'Record and handle personal-data incidents (notices, closing)' },
  'user.read': { zh: '查看账号与任职', en: 'View accounts and posts' },
  'user.manage': { zh: '新建、停用/启用账号，生成激活码与重置链接', en: 'Create, disable and enable accounts; issue activation codes and reset links' },
  'post.manage': { zh: '任职与免职（谁在哪个组织担任什么角色）', en: 'Grant and revoke posts (who holds which role where)' },
  'session.manage': { zh: '结束用户的登录会话', en: 'End users\' sessions' },
  'second_factor.reset': { zh: '重置动态验证码绑定（手机丢失或更换时）', en: 'Reset an account\'s authenticator (lost or replaced phone)' },
  'member.account': { zh: '为团员开通账号', en: 'Open accounts for members' },
  'subject.handle': { zh: '办理团员的信息更正、删除和限制处理申请', en: 'Handle members\' requests to correct, delete or restrict their data' },
} as const;
export type Permission = keyof typeof PERMISSIONS;

/** A role shipped with the product; `syncBuiltInRoles` keeps the database equal to this list. */
export type BuiltInRole = { code: string; zh: string; en: string; defaultScope: ScopeKind; permissions: Permission[] };

const MEMBER_BRANCH: Permission[] = ['member.read', 'member.create', 'member.update', 'member.reveal', 'member.export', 'member.status', 'member.import'];
// 审批查看未成年人信息 goes with approving members' business: the committees above the branches (DOMAIN §12 LAW-09).
// 完整导出 stays with the committees (DOMAIN §13 B7): a branch secretary exports masked lists only.
const MEMBER_ALL: Permission[] = [...MEMBER_BRANCH, 'member.approve', 'minor.approve', 'member.export_full'];
const DUES: Permission[] = ['dues.read', 'dues.collect'];
const TRANSFERS: Permission[] = ['transfer.read', 'transfer.apply', 'transfer.approve'];
const ADMISSION_ALL: Permission[] = ['admission.read', 'admission.manage', 'admission.approve', 'admission.plan'];
const EVALUATION_ALL: Permission[] = ['evaluation.read', 'evaluation.manage', 'evaluation.approve'];
const WORKPLAN_ALL: Permission[] = ['workplan.read', 'workplan.manage', 'workplan.report', 'workplan.supervise'];

export const BUILT_IN_ROLES: BuiltInRole[] = [
  {
    code: 'province_admin', zh: '省级管理员', en: 'Provincial administrator', defaultScope: 'all',
    // The province reads the incident register: its leader decides on the notices and signs the report (docs/incident-response.md).
    permissions: ['org.read', 'org.create', 'org.update', 'org.move', 'org.deactivate', 'org.export', ...MEMBER_ALL, ...DUES, ...TRANSFERS, ...ADMISSION_ALL, ...EVALUATION_ALL, ...WORKPLAN_ALL, 'rules.read', 'minor.report', 'incident.read'],
  },
  {
    code: 'committee_admin', zh: '团委管理员', en: 'Committee administrator', defaultScope: 'subtree',
    permissions: ['org.read', 'org.create', 'org.update', 'org.move', 'org.deactivate', 'org.export', ...MEMBER_ALL, ...DUES, ...TRANSFERS, ...ADMISSION_ALL, ...EVALUATION_ALL, ...WORKPLAN_ALL, 'rules.read', 'member.account', 'subject.handle'],
  },
  {
    code: 'branch_secretary', zh: '团支部书记', en: 'Branch secretary', defaultScope: 'self_org',
    permissions: ['org.read', 'org.update', 'org.export', ...MEMBER_BRANCH, ...DUES, ...TRANSFERS, 'admission.read', 'admission.manage', 'evaluation.read', 'evaluation.manage', 'workplan.read', 'workplan.report', 'rules.read', 'member.account', 'subject.handle'],
  },
  {
    code: 'member', zh: '团员', en: 'Member', defaultScope: 'self',
    permissions: ['self.read', 'self.transfer'],
  },
  // 三员 (DOMAIN §12 DB-06): account administration, post administration and audit reading are
  // held by three different roles, and no business role holds any of them.
  {
    code: 'system_admin', zh: '系统管理员', en: 'System administrator', defaultScope: 'all',
    permissions: ['user.read', 'user.manage', 'rules.read', 'rules.manage'],
  },
  {
    code: 'security_admin', zh: '安全管理员', en: 'Security administrator', defaultScope: 'all',
    // The security administrator leads the response to an incident (docs/incident-response.md) and keeps its record (DOMAIN §12 LAW-08).
    permissions: ['user.read', 'post.manage', 'session.manage', 'second_factor.reset', 'rules.read', 'alert.read', 'alert.acknowledge', 'incident.read', 'incident.manage'],
  },
  {
    code: 'auditor', zh: '审计管理员', en: 'Audit administrator', defaultScope: 'all',
    // The yearly minors' report is read-only evidence for the compliance audit (DOMAIN §12 LAW-10);
    // the incident register is read, not kept, so that its records can be checked against the audit log.
    permissions: ['audit.read', 'minor.report', 'alert.read', 'alert.acknowledge', 'incident.read'],
  },
];

/** The three duties that 三员 separation keeps apart: no role may hold permissions of two of them. */
export const SEPARATED_DUTIES: Record<'accounts' | 'posts' | 'audit', readonly Permission[]> = {
  accounts: ['user.manage'],
  posts: ['post.manage', 'session.manage'],
  audit: ['audit.read'],
};
