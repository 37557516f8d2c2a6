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
