import type { PersonalDataCategory } from '../../platform/pii/pii-registry.types.ts';
import type { EnumItem } from '../org/org-enums.ts';

/**
 * 事件状态: 已登记 → 已控制 → 已报告/通知 → 已结案. Recording the regulator's notice moves an open or
 * contained incident to notified; closing needs the facts of PIPL Art. 57 and the notices (incident-close-check.ts).
 */
export const INCIDENT_STATUSES = [
  { code: 'open', zh: '处置中', en: 'Open' },
  { code: 'contained', zh: '已控制', en: 'Contained' },
  { code: 'notified', zh: '已报告', en: 'Notified' },
  { code: 'closed', zh: '已结案', en: 'Closed' },
] as const satisfies readonly EnumItem[];
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number]['code'];

/**
 * 事件级别, the four levels of 《国家网络安全事件报告管理办法》's 分级指南: 一般, 较大, 重大, 特别重大.
 * From 较大 up the report to the provincial cyberspace authority has a legal time limit (rule incident.reportHours).
 */
export const INCIDENT_SEVERITIES = [
  { code: 'ordinary', zh: '一般', en: 'Ordinary' },
  { code: 'serious', zh: '较大', en: 'Serious' },
  { code: 'major', zh: '重大', en: 'Major' },
  { code: 'critical', zh: '特别重大', en: 'Critical' },
] as const satisfies readonly EnumItem[];
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number]['code'];

/** Levels whose report to the authority has a legal deadline (较大以上). */
export const REPORTABLE_SEVERITIES: readonly IncidentSeverity[] = ['serious', 'major', 'critical'];

/**
 * 涉及的个人信息种类 (PIPL Art. 57 (1)): the categories of the personal-data register, so that an incident
 * names the same kinds the registry declares for each column. A new category fails to compile here until named.
 */
export const PI_KIND_LABELS: Record<PersonalDataCategory, { zh: string; en: string }> = {
  identity_number: { zh: '身份证件号码', en: 'Identity numbers' },
  phone: { zh: '手机号码', en: 'Phone numbers' },
  name: { zh: '姓名', en: 'Names' },
  birth_date: { zh: '出生日期', en: 'Birth dates' },
  sex: { zh: '性别', en: 'Sex' },
  ethnicity: { zh: '民族', en: 'Ethnicity' },
  political_status: { zh: '政治面貌', en: 'Political status' },
  education: { zh: '学历', en: 'Education' },
  work: { zh: '职业、工作单位', en: 'Occupation and workplace' },
  address: { zh: '户籍、住址、去向', en: 'Residence and addresses' },
  income: { zh: '收入、团费标准', en: 'Income and dues category' },
  membership_record: { zh: '团籍、发展、评议、团费记录', en: 'Membership, admission, evaluation and dues records' },
  free_text: { zh: '说明、理由等文字材料', en: 'Notes and reasons written about people' },
  account: { zh: '账号（用户名）', en: 'Account names' },
  credential: { zh: '鉴别信息（口令、验证器种子）', en: 'Credentials (passwords, authenticator seeds)' },
  network: { zh: 'IP地址', en: 'IP addresses' },
  activity: { zh: '登录等使用记录', en: 'Sign-in and usage records' },
};
export const PI_KINDS = Object.keys(PI_KIND_LABELS) as PersonalDataCategory[];

/** Kinds of timeline entries: the ones the register writes itself, and free notes. */
export const INCIDENT_EVENT_KINDS = [
  { code: 'opened', zh: '登记事件', en: 'Incident opened' },
  { code: 'note', zh: '处置记录', en: 'Note' },
  { code: 'contained', zh: '已控制', en: 'Contained' },
  { code: 'notified_regulator', zh: '已向网信部门报告', en: 'Authority notified' },
  { code: 'notified_individuals', zh: '已告知受影响的个人', en: 'People affected notified' },
  { code: 'individuals_exempt', zh: '不通知个人（第五十七条第二款）', en: 'People not notified (Art. 57 ¶2)' },
  { code: 'closed', zh: '结案', en: 'Closed' },
] as const satisfies readonly EnumItem[];
export type IncidentEventKind = (typeof INCIDENT_EVENT_KINDS)[number]['code'];

/** Who a notice went to. */
export const NOTICE_AUDIENCES = ['regulator', 'individuals'] as const;
export type NoticeAudience = (typeof NOTICE_AUDIENCES)[number];

export const codesOf = (items: readonly { code: string }[]): string[] => items.map((i) => i.code);
