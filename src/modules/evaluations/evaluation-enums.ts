import type { EnumItem } from '../org/org-enums.ts';

/** 教育评议等次 (DOMAIN §1.5). */
export const EVALUATION_GRADES = [
  { code: 'excellent', zh: '优秀', en: 'Excellent' },
  { code: 'qualified', zh: '合格', en: 'Qualified' },
  { code: 'basic', zh: '基本合格', en: 'Basically qualified' },
  { code: 'unqualified', zh: '不合格', en: 'Unqualified' },
] as const satisfies readonly EnumItem[];
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number]['code'];

/** 团籍注册 outcomes. */
export const REGISTRATIONS = [
  { code: 'registered', zh: '予以注册', en: 'Registered' },
  { code: 'deferred', zh: '暂缓注册', en: 'Deferred' },
] as const satisfies readonly EnumItem[];
export type Registration = (typeof REGISTRATIONS)[number]['code'];

export const CYCLE_STATUSES = [
  { code: 'open', zh: '进行中', en: 'Open' },
  { code: 'submitted', zh: '待上级审批', en: 'Awaiting approval' },
  { code: 'approved', zh: '已审批', en: 'Approved' },
  { code: 'returned', zh: '已退回', en: 'Returned' },
] as const satisfies readonly EnumItem[];

/** Why a member holding 团籍 is not registered for a year, as the 未注册 list says it. */
export const UNREGISTERED_REASONS = [
  { code: 'no_cycle', zh: '所在支部尚未开展本年度评议', en: 'The branch has not opened the year\'s cycle' },
  { code: 'not_in_cycle', zh: '未纳入本年度评议（评议开启后转入或入团）', en: 'Not in the cycle (joined the branch after it opened)' },
  { code: 'in_progress', zh: '支部评议进行中', en: 'The branch\'s cycle is under way' },
  { code: 'awaiting_approval', zh: '待上级审批', en: 'Awaiting approval above' },
  { code: 'deferred', zh: '暂缓注册', en: 'Registration deferred' },
  { code: 'not_decided', zh: '未予注册', en: 'Not registered' },
] as const satisfies readonly EnumItem[];
export type UnregisteredReason = (typeof UNREGISTERED_REASONS)[number]['code'];
