/** A coded value with its Chinese and English labels. */
export type EnumItem<C extends string = string> = { code: C; zh: string; en: string };

/** 组织类型 (智慧团建 types.json, DOMAIN §1.2). */
export const ORG_TYPES = [
  { code: 'leading_body', zh: '领导机关团组织', en: 'Leading body' },
  { code: 'committee', zh: '团委', en: 'Committee' },
  { code: 'working_committee', zh: '团工委', en: 'Working committee' },
  { code: 'general_branch', zh: '团总支', en: 'General branch' },
  { code: 'branch', zh: '团支部', en: 'Branch' },
] as const satisfies readonly EnumItem[];
export type OrgType = (typeof ORG_TYPES)[number]['code'];

/** 组织类别 (DOMAIN §4). */
export const ORG_KINDS = [
  { code: 'normal', zh: '普通', en: 'Normal' },
  { code: 'flow', zh: '流动团员团支部', en: 'Mobile members' },
  { code: 'temporary', zh: '临时', en: 'Temporary' },
  { code: 'joint', zh: '联合', en: 'Joint' },
  { code: 'graduate', zh: '毕业生', en: 'Graduates' },
] as const satisfies readonly EnumItem[];
export type OrgKind = (typeof ORG_KINDS)[number]['code'];

/** 行业类别, the 16 values of 智慧团建 industryCategory.json (DOMAIN §1.2). */
export const INDUSTRY_CATEGORIES = [
  { code: 'party_government', zh: '党政机关', en: 'Party and government organs' },
  { code: 'public_institution', zh: '事业单位(不含公立学校)', en: 'Public institutions (excl. public schools)' },
  { code: 'university', zh: '普通高等院校', en: 'Universities' },
  { code: 'vocational_school', zh: '职业教育学校', en: 'Vocational schools' },
  { code: 'senior_high', zh: '普通高中', en: 'Senior high schools' },
  { code: 'junior_high', zh: '初中', en: 'Junior high schools' },
  { code: 'primary_school', zh: '小学', en: 'Primary schools' },
  { code: 'state_enterprise', zh: '国有企业', en: 'State-owned enterprises' },
  { code: 'collective_enterprise', zh: '集体企业', en: 'Collective enterprises' },
  { code: 'private_enterprise', zh: '非公企业', en: 'Non-public enterprises' },
  { code: 'social_organization', zh: '新社会组织(不含民办学校)', en: 'New social organizations (excl. private schools)' },
  { code: 'army', zh: '军队', en: 'Army' },
  { code: 'armed_police', zh: '武警', en: 'Armed police' },
  { code: 'urban_community', zh: '城市社区', en: 'Urban communities' },
  { code: 'rural', zh: '农村', en: 'Rural' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly EnumItem[];
export type IndustryCategory = (typeof INDUSTRY_CATEGORIES)[number]['code'];

export const ORG_STATUSES = [
  { code: 'active', zh: '正常', en: 'Active' },
  { code: 'inactive', zh: '已停用', en: 'Inactive' },
] as const satisfies readonly EnumItem[];
export type OrgStatus = (typeof ORG_STATUSES)[number]['code'];

export const codesOf = <C extends string>(items: readonly EnumItem<C>[]): C[] => items.map((i) => i.code);

export function labelOf(items: readonly EnumItem[], code: string): string {
  return items.find((i) => i.code === code)?.zh ?? code;
}
