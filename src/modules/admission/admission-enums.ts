import type { EnumItem } from '../org/org-enums.ts';

/** 团员发展的十个步骤 (DOMAIN §1.3, "十步骤、三公示、六必须"), in order; `byParent` steps are decided above the branch. */
export const ADMISSION_STEPS = [
  { step: 1, code: 'application', zh: '提交入团申请书', en: 'Application', byParent: false },
  { step: 2, code: 'activist', zh: '确定为入团积极分子', en: 'Named an activist', byParent: false },
  { step: 3, code: 'training', zh: '党团知识培训', en: 'League training', byParent: false },
  { step: 4, code: 'contacts', zh: '确定培养联系人', en: 'Contact members assigned', byParent: false },
  { step: 5, code: 'observation', zh: '培养考察', en: 'Observation', byParent: false },
  { step: 6, code: 'candidate', zh: '确定为发展对象', en: 'Named a candidate', byParent: false },
  { step: 7, code: 'pre_review', zh: '上级团委预审，填写《入团志愿书》', en: 'Pre-review and application form', byParent: true },
  { step: 8, code: 'vote', zh: '团支部大会表决', en: 'Branch meeting vote', byParent: false },
  { step: 9, code: 'approval', zh: '上级团委审批', en: 'Approval by the committee above', byParent: true },
  { step: 10, code: 'ceremony', zh: '入团仪式', en: 'Admission ceremony', byParent: false },
] as const;
export type AdmissionStepCode = (typeof ADMISSION_STEPS)[number]['code'];

/** 三公示: which notice must have ended, without open objections, before which step. */
export const ADMISSION_NOTICES = [
  { code: 'activist', zh: '入团积极分子人选公示', en: 'Notice of activists', beforeStep: 2, afterStep: 1 },
  { code: 'candidate', zh: '发展对象人选公示', en: 'Notice of candidates', beforeStep: 6, afterStep: 5 },
  { code: 'new_member', zh: '新接收团员人选公示', en: 'Notice of new members', beforeStep: 9, afterStep: 8 },
] as const;
export type AdmissionNoticeKind = (typeof ADMISSION_NOTICES)[number]['code'];

/** 推荐途径: how the applicant came to be chosen (DOMAIN §1.3: 推优入团, 积分入团, 评议入团). */
export const ADMISSION_SOURCES = [
  { code: 'pioneer_recommendation', zh: '少先队推优入团', en: 'Recommended by the Young Pioneers' },
  { code: 'points', zh: '积分入团', en: 'Points-based' },
  { code: 'peer_review', zh: '评议入团', en: 'Peer review' },
  { code: 'application', zh: '个人申请', en: 'Own application' },
] as const satisfies readonly EnumItem[];

/** 学段 of 团青比, by the branch's industry (DOMAIN §1.4). */
export const SCHOOL_STAGES = [
  { code: 'junior_high', zh: '初中', en: 'Junior high', industry: 'junior_high', capRule: 'admission.ratioCapJuniorHighPercent' },
  { code: 'senior_high', zh: '普通高中', en: 'Senior high', industry: 'senior_high', capRule: 'admission.ratioCapSeniorHighPercent' },
  { code: 'vocational', zh: '中职', en: 'Vocational', industry: 'vocational_school', capRule: 'admission.ratioCapVocationalPercent' },
] as const;
export type SchoolStage = (typeof SCHOOL_STAGES)[number]['code'];

export function stageOfIndustry(industry: string): (typeof SCHOOL_STAGES)[number] | null {
  return SCHOOL_STAGES.find((s) => s.industry === industry) ?? null;
}
