import type { EnumItem } from '../org/org-enums.ts';

/*
 * The coded fields of the 团员 record (DOMAIN §1.2). Unless a doc says otherwise, values and order
 * follow the Guangdong 智慧团建 front end (repo zhaixiangmin/zhtj, dev/bg/public/json/*.json). They are
 * configurable data: codes are stable English identifiers stored in the database, labels may change.
 */

/**
 * 民族: the 56 nationalities in GB/T 3304 order, coded by their two-digit GB/T 3304 numbers.
 * GB/T 3304 also has 97 其他 and 98 外国血统中国籍人士, and 智慧团建 nation.json adds 57 其他; neither is
 * listed here. English names are the usual romanizations.
 */
export const ETHNICITIES = [
  { code: '01', zh: '汉族', en: 'Han' },
  { code: '02', zh: '蒙古族', en: 'Mongol' },
  { code: '03', zh: '回族', en: 'Hui' },
  { code: '04', zh: '藏族', en: 'Tibetan' },
  { code: '05', zh: '维吾尔族', en: 'Uyghur' },
  { code: '06', zh: '苗族', en: 'Miao' },
  { code: '07', zh: '彝族', en: 'Yi' },
  { code: '08', zh: '壮族', en: 'Zhuang' },
  { code: '09', zh: '布依族', en: 'Bouyei' },
  { code: '10', zh: '朝鲜族', en: 'Korean' },
  { code: '11', zh: '满族', en: 'Manchu' },
  { code: '12', zh: '侗族', en: 'Dong' },
  { code: '13', zh: '瑶族', en: 'Yao' },
  { code: '14', zh: '白族', en: 'Bai' },
  { code: '15', zh: '土家族', en: 'Tujia' },
  { code: '16', zh: '哈尼族', en: 'Hani' },
  { code: '17', zh: '哈萨克族', en: 'Kazakh' },
  { code: '18', zh: '傣族', en: 'Dai' },
  { code: '19', zh: '黎族', en: 'Li' },
  { code: '20', zh: '傈僳族', en: 'Lisu' },
  { code: '21', zh: '佤族', en: 'Va' },
  { code: '22', zh: '畲族', en: 'She' },
  { code: '23', zh: '高山族', en: 'Gaoshan' },
  { code: '24', zh: '拉祜族', en: 'Lahu' },
  { code: '25', zh: '水族', en: 'Shui' },
  { code: '26', zh: '东乡族', en: 'Dongxiang' },
  { code: '27', zh: '纳西族', en: 'Naxi' },
  { code: '28', zh: '景颇族', en: 'Jingpo' },
  { code: '29', zh: '柯尔克孜族', en: 'Kirgiz' },
  { code: '30', zh: '土族', en: 'Tu' },
  { code: '31', zh: '达斡尔族', en: 'Daur' },
  { code: '32', zh: '仫佬族', en: 'Mulao' },
  { code: '33', zh: '羌族', en: 'Qiang' },
  { code: '34', zh: '布朗族', en: 'Blang' },
  { code: '35', zh: '撒拉族', en: 'Salar' },
  { code: '36', zh: '毛南族', en: 'Maonan' },
  { code: '37', zh: '仡佬族', en: 'Gelao' },
  { code: '38', zh: '锡伯族', en: 'Xibe' },
  { code: '39', zh: '阿昌族', en: 'Achang' },
  { code: '40', zh: '普米族', en: 'Pumi' },
  { code: '41', zh: '塔吉克族', en: 'Tajik' },
  { code: '42', zh: '怒族', en: 'Nu' },
  { code: '43', zh: '乌孜别克族', en: 'Uzbek' },
  { code: '44', zh: '俄罗斯族', en: 'Russian' },
  { code: '45', zh: '鄂温克族', en: 'Ewenki' },
  { code: '46', zh: '德昂族', en: "De'ang" },
  { code: '47', zh: '保安族', en: 'Bonan' },
  { code: '48', zh: '裕固族', en: 'Yugur' },
  { code: '49', zh: '京族', en: 'Gin' },
  { code: '50', zh: '塔塔尔族', en: 'Tatar' },
  { code: '51', zh: '独龙族', en: 'Derung' },
  { code: '52', zh: '鄂伦春族', en: 'Oroqen' },
  { code: '53', zh: '赫哲族', en: 'Hezhen' },
  { code: '54', zh: '门巴族', en: 'Monba' },
  { code: '55', zh: '珞巴族', en: 'Lhoba' },
  { code: '56', zh: '基诺族', en: 'Jino' },
] as const satisfies readonly EnumItem[];
export type Ethnicity = (typeof ETHNICITIES)[number]['code'];

/**
 * 政治面貌 (智慧团建 politicalOutlook.json). A 团员's own record uses the first three
 * (MemberPoliticalOutlook.json); 群众 is for applicants and others.
 */
export const POLITICAL_STATUSES = [
  { code: 'league_member', zh: '共青团员', en: 'League member' },
  { code: 'party_member', zh: '中共党员', en: 'CPC member' },
  { code: 'probationary_party_member', zh: '中共预备党员', en: 'CPC probationary member' },
  { code: 'masses', zh: '群众', en: 'No affiliation' },
] as const satisfies readonly EnumItem[];
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number]['code'];

/** Party members (full or probationary): they keep 团籍 until 28, are marked in lists and are not evaluated. */
export const PARTY_STATUSES: readonly string[] = ['party_member', 'probationary_party_member'];

/**
 * 学历, one list for both 全日制学历 and 最高学历: the 15 values of 智慧团建 degreeOfEducation.json
 * (全日制学历), highest first, each level followed by its 在读 variant. 智慧团建 highestEducation.json
 * (最高学历) has the same 15 levels in another order and with shorter labels (本科, 大专, 中职,
 * 中职中专在读…); EDUCATION_LABEL_ALIASES maps those labels for imports.
 */
export const EDUCATION_LEVELS = [
  { code: 'doctorate', zh: '博士', en: 'Doctorate' },
  { code: 'doctorate_in_progress', zh: '博士在读', en: 'Doctoral student' },
  { code: 'master', zh: '硕士', en: "Master's degree" },
  { code: 'master_in_progress', zh: '硕士在读', en: "Master's student" },
  { code: 'bachelor', zh: '普通本科', en: "Bachelor's degree" },
  { code: 'bachelor_in_progress', zh: '普通本科在读', en: 'Undergraduate student' },
  { code: 'junior_college', zh: '普通专科', en: 'Junior college' },
  { code: 'junior_college_in_progress', zh: '普通专科在读', en: 'Junior college student' },
  { code: 'senior_high', zh: '普通高中', en: 'Senior high school' },
  { code: 'senior_high_in_progress', zh: '普通高中在读', en: 'Senior high school student' },
  { code: 'secondary_vocational', zh: '中等职业教育', en: 'Secondary vocational education' },
  { code: 'secondary_vocational_in_progress', zh: '中等职业教育在读', en: 'Secondary vocational student' },
  { code: 'junior_high', zh: '初中', en: 'Junior high school' },
  { code: 'junior_high_in_progress', zh: '初中在读', en: 'Junior high school student' },
  { code: 'primary', zh: '小学', en: 'Primary school' },
] as const satisfies readonly EnumItem[];
export type EducationLevel = (typeof EDUCATION_LEVELS)[number]['code'];

/** Other labels for EDUCATION_LEVELS: 智慧团建 highestEducation.json (最高学历) and common short forms. */
export const EDUCATION_LABEL_ALIASES: Readonly<Record<string, EducationLevel>> = {
  本科: 'bachelor',
  本科在读: 'bachelor_in_progress',
  大专: 'junior_college',
  大专在读: 'junior_college_in_progress',
  高中: 'senior_high',
  高中在读: 'senior_high_in_progress',
  中职: 'secondary_vocational',
  中职中专在读: 'secondary_vocational_in_progress',
};

/** 职业: the 14 values of 智慧团建 occupation.json, in its order. */
export const OCCUPATIONS = [
  { code: 'state_enterprise_employee', zh: '国有企业职工', en: 'State-owned enterprise employee' },
  { code: 'private_enterprise_employee', zh: '非公企业职工', en: 'Non-public enterprise employee' },
  { code: 'public_sector_employee', zh: '机关事业单位职工', en: 'Government or public institution employee' },
  { code: 'social_organization_employee', zh: '社会组织员工', en: 'Social organization employee' },
  { code: 'farmer', zh: '农民', en: 'Farmer' },
  { code: 'student', zh: '学生', en: 'Student' },
  { code: 'freelancer', zh: '自由职业者', en: 'Freelancer' },
  { code: 'public_university_staff', zh: '公办高校教职工', en: 'Public university staff' },
  { code: 'public_secondary_school_staff', zh: '公办中学教职工', en: 'Public secondary school staff' },
  { code: 'public_vocational_school_staff', zh: '公办中职教职工', en: 'Public vocational school staff' },
  { code: 'private_university_staff', zh: '民办高校教职工', en: 'Private university staff' },
  { code: 'private_secondary_school_staff', zh: '民办中学教职工', en: 'Private secondary school staff' },
  { code: 'private_vocational_school_staff', zh: '民办中职教职工', en: 'Private vocational school staff' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly EnumItem[];
export type Occupation = (typeof OCCUPATIONS)[number]['code'];

/** 证件类型 (智慧团建: 1 普通居民身份证, 2 境外身份证). */
export const ID_TYPES = [
  { code: 'resident', zh: '普通居民身份证', en: 'Resident identity card' },
  { code: 'foreign', zh: '境外身份证', en: 'Identity document issued outside the mainland' },
] as const satisfies readonly EnumItem[];
export type IdType = (typeof ID_TYPES)[number]['code'];

/** 团内职务 in a 团委 (or other committee-level org), 智慧团建 duty.json. */
export const LEAGUE_POSTS_COMMITTEE = [
  { code: 'secretary', zh: '书记', en: 'Secretary' },
  { code: 'deputy_secretary', zh: '副书记', en: 'Deputy secretary' },
  { code: 'standing_committee_member', zh: '常委', en: 'Standing committee member' },
  { code: 'committee_member', zh: '委员', en: 'Committee member' },
  { code: 'staff', zh: '工作人员', en: 'Staff' },
  { code: 'alternate_member', zh: '候补委员', en: 'Alternate member' },
] as const satisfies readonly EnumItem[];
export type LeaguePostCommittee = (typeof LEAGUE_POSTS_COMMITTEE)[number]['code'];

/** 团内职务 in a 团支部 (or 团总支), 智慧团建 dutyOther.json. */
export const LEAGUE_POSTS_BRANCH = [
  { code: 'secretary', zh: '书记', en: 'Secretary' },
  { code: 'deputy_secretary', zh: '副书记', en: 'Deputy secretary' },
  { code: 'organization_member', zh: '组织委员', en: 'Organization member' },
  { code: 'publicity_member', zh: '宣传委员', en: 'Publicity member' },
  { code: 'culture_sports_member', zh: '文体委员', en: 'Culture and sports member' },
  { code: 'production_member', zh: '生产委员', en: 'Production member' },
  { code: 'rights_member', zh: '权益委员', en: 'Rights member' },
  { code: 'volunteer_member', zh: '志愿委员', en: 'Volunteering member' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly EnumItem[];
export type LeaguePostBranch = (typeof LEAGUE_POSTS_BRANCH)[number]['code'];

/** 团干部性质 (智慧团建 tuanganProperties.json). */
export const CADRE_NATURES = [
  { code: 'full_time', zh: '专职', en: 'Full-time' },
  { code: 'part_time', zh: '兼职', en: 'Part-time' },
  { code: 'seconded', zh: '挂职', en: 'Seconded' },
] as const satisfies readonly EnumItem[];
export type CadreNature = (typeof CADRE_NATURES)[number]['code'];

/**
 * 收入 (月收入档, 智慧团建 income.json), used to pick the 团费 tier. The source does not say which
 * band a boundary amount (e.g. exactly 5000 元) belongs to.
 */
export const INCOME_BANDS = [
  { code: 'below_2000', zh: '2000元以下', en: 'Below ¥2,000' },
  { code: 'from_2000_to_5000', zh: '2000元至5000元', en: '¥2,000–5,000' },
  { code: 'from_5000_to_8000', zh: '5000元至8000元', en: '¥5,000–8,000' },
  { code: 'from_8000_to_10000', zh: '8000元至10000元', en: '¥8,000–10,000' },
  { code: 'above_10000', zh: '10000元以上', en: 'Above ¥10,000' },
] as const satisfies readonly EnumItem[];
export type IncomeBand = (typeof INCOME_BANDS)[number]['code'];

/**
 * 团籍状态 (智慧团建 `disabled` field without 1 禁用): 正常, and for each way of leaving a 待审核 state
 * (the parent org approves) followed by the final state. 恢复团籍 puts a member back to normal in a
 * chosen 团支部.
 */
export const MEMBER_STATUSES = [
  { code: 'normal', zh: '正常', en: 'Normal' },
  { code: 'aged_out_pending', zh: '满28周岁离团待审核', en: 'Leaving at 28, pending approval' },
  { code: 'aged_out', zh: '满28周岁离团', en: 'Left at 28' },
  { code: 'lapsed_pending', zh: '自行脱团待审核', en: 'Lapsed, pending approval' },
  { code: 'lapsed', zh: '自行脱团', en: 'Lapsed' },
  { code: 'withdrawn_pending', zh: '自愿退团待审核', en: 'Withdrawing, pending approval' },
  { code: 'withdrawn', zh: '自愿退团', en: 'Withdrawn' },
  { code: 'expelled_pending', zh: '开除团籍待审核', en: 'Expulsion pending approval' },
  { code: 'expelled', zh: '开除团籍', en: 'Expelled' },
  // Reached by a completed transfer out of the province, not by an exit request.
  { code: 'transferred_out', zh: '已转出省外', en: 'Transferred out of the province' },
] as const satisfies readonly EnumItem[];
export type MemberStatus = (typeof MEMBER_STATUSES)[number]['code'];
