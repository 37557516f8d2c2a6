import type { EnumItem } from '../org/org-enums.ts';
import { EDUCATION_LEVELS, ETHNICITIES, OCCUPATIONS } from '../members/member-enums.ts';

/** 申请类型: correction (PIPL Art. 46), deletion (Art. 47 ¶1) or restriction (Art. 47 ¶2, 限制处理). */
export const SUBJECT_REQUEST_KINDS = [
  { code: 'correction', zh: '更正', en: 'Correction' },
  { code: 'deletion', zh: '删除', en: 'Deletion' },
  { code: 'restriction', zh: '限制处理', en: 'Restriction' },
] as const satisfies readonly EnumItem[];
export type SubjectRequestKind = (typeof SUBJECT_REQUEST_KINDS)[number]['code'];

/**
 * 删除或限制处理的理由, the grounds of PIPL Art. 47 ¶1 (the fifth, 法律法规规定的其他情形, is `other`).
 * 个人信息处理者停止提供产品或者服务 does not apply to a League record and is left out.
 */
export const SUBJECT_REQUEST_REASONS = [
  { code: 'purpose_achieved', zh: '处理目的已实现、无法实现或者不再必要', en: 'The purpose is achieved, cannot be achieved or no longer needs the data' },
  { code: 'retention_expired', zh: '保存期限已届满', en: 'The retention period has ended' },
  { code: 'consent_withdrawn', zh: '本人撤回同意', en: 'Consent is withdrawn' },
  { code: 'unlawful', zh: '违反法律、行政法规或者约定处理', en: 'The processing breaks the law or the agreement' },
  { code: 'other', zh: '法律、行政法规规定的其他情形', en: 'Another case the law provides for' },
] as const satisfies readonly EnumItem[];

/** Who asks: the member, or a minor's parent or guardian (未成年人保护法 Art. 72, PIPL Art. 31). */
export const REQUESTER_KINDS = [
  { code: 'self', zh: '本人', en: 'The member' },
  { code: 'guardian', zh: '监护人（代未成年人申请）', en: 'A parent or guardian, for a minor' },
] as const satisfies readonly EnumItem[];

export const SUBJECT_REQUEST_STATUSES = [
  { code: 'open', zh: '办理中', en: 'Open' },
  { code: 'accepted', zh: '已同意', en: 'Accepted' },
  { code: 'refused', zh: '已拒绝', en: 'Refused' },
] as const satisfies readonly EnumItem[];

/**
 * 可申请更正的信息: the member fields a correction may change, and how the value to apply is checked.
 * Free text and numbers go through the member record's own checks; coded fields take one of the codes,
 * which the handler picks (the member describes the right value in words).
 */
export const CORRECTABLE_FIELDS = {
  name: { zh: '姓名', en: 'Name', codes: null },
  idNumber: { zh: '证件号码', en: 'ID number', codes: null },
  phone: { zh: '手机号码', en: 'Mobile phone', codes: null },
  ethnicity: { zh: '民族', en: 'Ethnicity', codes: ETHNICITIES.map((e) => e.code) as readonly string[] },
  educationHighest: { zh: '最高学历', en: 'Highest education', codes: EDUCATION_LEVELS.map((e) => e.code) as readonly string[] },
  occupation: { zh: '职业', en: 'Occupation', codes: OCCUPATIONS.map((e) => e.code) as readonly string[] },
  household: { zh: '户籍所在地', en: 'Registered residence', codes: null },
  workplace: { zh: '工作单位或学校', en: 'Workplace or school', codes: null },
} as const;
export type CorrectableField = keyof typeof CORRECTABLE_FIELDS;

