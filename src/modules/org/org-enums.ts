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
  // 特殊单位专属库: members who joined the army or a classified unit, held by the province (DOMAIN §1.6).
  { code: 'special', zh: '特殊单位专属库', en: 'Special-unit registry' },
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

/** 领域, the six fields of the League's yearly statistics bulletin (DOMAIN §1.8, §8). */
export const FIELDS = [
  { code: 'student', zh: '学生', en: 'Students' },
  { code: 'enterprise', zh: '企业', en: 'Enterprises' },
  { code: 'rural', zh: '乡镇(村)', en: 'Townships and villages' },
  { code: 'public_sector', zh: '机关事业单位', en: 'Government and public institutions' },
  { code: 'urban_community', zh: '城市街道(社区)', en: 'Urban streets and communities' },
  { code: 'social_and_other', zh: '社会组织和其他', en: 'Social organizations and other' },
] as const satisfies readonly EnumItem[];
export type Field = (typeof FIELDS)[number]['code'];

/** The statistics field an organization's industry category falls in. */
export function fieldOfIndustry(industry: string): Field {
  switch (industry) {
    case 'university':
    case 'vocational_school':
    case 'senior_high':
    case 'junior_high':
    case 'primary_school':
      return 'student';
    case 'state_enterprise':
    case 'collective_enterprise':
    case 'private_enterprise':
      return 'enterprise';
    case 'rural':
      return 'rural';
    case 'party_government':
    case 'public_institution':
      return 'public_sector';
    case 'urban_community':
      return 'urban_community';
    default:
      return 'social_and_other';
  }
}
