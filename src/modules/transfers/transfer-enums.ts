import type { EnumItem } from '../org/org-enums.ts';

/** 转接原因 (智慧团建 cause: 1 就业/工作调动, 2 升学/转学, 3 其他; plus the destinations with rules of their own, DOMAIN §1.6). */
export const TRANSFER_REASONS = [
  { code: 'employment', zh: '就业、工作调动', en: 'Employment' },
  { code: 'further_study', zh: '升学、转学', en: 'Further study' },
  { code: 'military', zh: '参军入伍', en: 'Military service' },
  { code: 'classified', zh: '到涉密单位工作', en: 'Work at a classified unit' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly EnumItem[];
export type TransferReason = (typeof TRANSFER_REASONS)[number]['code'];

/** Reasons whose destination is the province-level 特殊单位专属库, whatever branch is named. */
export const SPECIAL_LIBRARY_REASONS: ReadonlySet<string> = new Set(['military', 'classified']);

/** 省内 or 省外 (智慧团建 headfor: 1 省内, 2 省外). */
export const TRANSFER_SCOPE_KINDS = [
  { code: 'within', zh: '省内转接', en: 'Within the province' },
  { code: 'outside', zh: '转往省外', en: 'Out of the province' },
] as const satisfies readonly EnumItem[];
export type TransferScopeKind = (typeof TRANSFER_SCOPE_KINDS)[number]['code'];

/** The approval stages, in the order of the full chain. */
export const TRANSFER_STAGES = [
  { code: 'out_branch', zh: '转出团支部', en: 'Sending branch' },
  { code: 'out_parent', zh: '转出团支部的上级团组织', en: 'Sending branch\'s parent' },
  { code: 'in_branch', zh: '转入团支部', en: 'Receiving branch' },
  { code: 'in_parent', zh: '转入团支部的上级团组织', en: 'Receiving branch\'s parent' },
] as const satisfies readonly EnumItem[];
export type TransferStage = (typeof TRANSFER_STAGES)[number]['code'];

export const TRANSFER_STATUSES = [
  { code: 'pending', zh: '待审核', en: 'Pending' },
  { code: 'returned', zh: '已退回', en: 'Returned' },
  { code: 'appealed', zh: '申诉中', en: 'Appealed' },
  { code: 'completed', zh: '接转成功', en: 'Completed' },
  { code: 'withdrawn', zh: '已撤回', en: 'Withdrawn' },
  { code: 'expired', zh: '已过期', en: 'Expired' },
  { code: 'rejected', zh: '申诉未通过', en: 'Appeal rejected' },
] as const satisfies readonly EnumItem[];
export type TransferStatus = (typeof TRANSFER_STATUSES)[number]['code'];

export const OPEN_STATUSES: readonly TransferStatus[] = ['pending', 'returned', 'appealed'];

/** Who started a transfer (智慧团建: 转出组织, 转入组织 or 团员本人; a school for a graduate batch). */
export const TRANSFER_INITIATORS = [
  { code: 'member', zh: '团员本人', en: 'The member' },
  { code: 'out_branch', zh: '转出组织', en: 'Sending organization' },
  { code: 'in_org', zh: '转入组织', en: 'Receiving organization' },
  { code: 'school', zh: '学校（毕业生批次）', en: 'School (graduate batch)' },
] as const satisfies readonly EnumItem[];
export type TransferInitiator = (typeof TRANSFER_INITIATORS)[number]['code'];

/** What happened to a transfer. */
export const TRANSFER_ACTIONS = [
  { code: 'submit', zh: '提交申请', en: 'Submitted' },
  { code: 'approve', zh: '同意', en: 'Approved' },
  { code: 'return', zh: '退回', en: 'Returned' },
  { code: 'appeal', zh: '申诉', en: 'Appealed' },
  { code: 'accept_appeal', zh: '申诉通过', en: 'Appeal accepted' },
  { code: 'reject_appeal', zh: '申诉不通过', en: 'Appeal rejected' },
  { code: 'withdraw', zh: '撤回', en: 'Withdrawn' },
  { code: 'expire', zh: '超时失效', en: 'Expired' },
  { code: 'complete', zh: '接转完成', en: 'Completed' },
] as const satisfies readonly EnumItem[];
export type TransferAction = (typeof TRANSFER_ACTIONS)[number]['code'];

/**
 * 毕业生去向 (DOMAIN §1.6): most lead to a transfer; studying abroad and not yet employed keep the
 * member at the school for a time the rules allow, which settles the graduate without one.
 */
export const GRADUATE_DESTINATIONS = [
  { code: 'employment', zh: '就业（转入用人单位或所在地团组织）', en: 'Employment', retained: false },
  { code: 'further_study', zh: '升学（转入新学校）', en: 'Further study', retained: false },
  { code: 'military', zh: '参军入伍', en: 'Military service', retained: false },
  { code: 'classified', zh: '到涉密单位工作', en: 'Classified unit', retained: false },
  { code: 'outside', zh: '转往省外', en: 'Out of the province', retained: false },
  { code: 'abroad', zh: '出国(境)学习（保留在学校）', en: 'Study abroad (kept at the school)', retained: true },
  { code: 'unemployed', zh: '暂未就业（暂留学校）', en: 'Not yet employed (kept at the school)', retained: true },
  { code: 'other', zh: '其他', en: 'Other', retained: false },
] as const satisfies readonly (EnumItem & { retained: boolean })[];
export type GraduateDestination = (typeof GRADUATE_DESTINATIONS)[number]['code'];
