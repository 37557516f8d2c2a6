import type { EnumItem } from '../../org/org-enums.ts';
import {
  CADRE_NATURES, EDUCATION_LABEL_ALIASES, EDUCATION_LEVELS, ETHNICITIES, ID_TYPES, INCOME_BANDS, LEAGUE_POSTS_BRANCH, OCCUPATIONS,
  POLITICAL_STATUSES,
} from '../member-enums.ts';

/**
 * The columns of the 团员 import workbook: one list that the template, the row checker, the
 * instructions sheet and the error workbook all read, so they cannot drift apart. Columns are
 * found by their header text, so a cadre may reorder them or add columns of their own.
 */

export type ColumnKey =
  | 'orgId' | 'orgName' | 'name' | 'idType' | 'idNumber' | 'birthDate' | 'sex' | 'ethnicity' | 'politicalStatus'
  | 'educationFullTime' | 'educationHighest' | 'occupation' | 'incomeBand' | 'joinedLeagueOn' | 'developmentNumber'
  | 'leaguePost' | 'isCadre' | 'cadreNature' | 'phone' | 'joinedPartyOn' | 'volunteerRegisteredOn' | 'household' | 'workplace';

export type ColumnKind = 'integer' | 'text' | 'enum' | 'date' | 'month';

export type ImportColumn = {
  key: ColumnKey;
  header: string;
  /** 'foreign': required only with 境外身份证 (for 居民身份证 the value comes from the number). */
  required: boolean | 'foreign';
  kind: ColumnKind;
  /** Allowed values (kind 'enum'), by their Chinese label. */
  items?: readonly EnumItem[];
  /** Further labels accepted on import (label → code). */
  aliases?: Readonly<Record<string, string>>;
  /** Stored as text ('@') so Excel keeps leading zeros and all 18 digits. */
  asText?: boolean;
  maxLength?: number;
  width: number;
  /** 填写说明: format and rules, in Chinese. */
  help: string;
  example: string;
};

export const SEXES = [
  { code: 'male', zh: '男', en: 'Male' },
  { code: 'female', zh: '女', en: 'Female' },
] as const satisfies readonly EnumItem[];

export const YES_NO = [
  { code: 'yes', zh: '是', en: 'Yes' },
  { code: 'no', zh: '否', en: 'No' },
] as const satisfies readonly EnumItem[];

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'orgId', header: '所在团支部编号', required: true, kind: 'integer', width: 14, help: '团员所在团支部的组织编号（在“组织管理”中选中该团支部即可看到）。只能是您管辖范围内、状态正常的团支部', example: '1024' },
  { key: 'orgName', header: '所在团支部名称', required: true, kind: 'text', maxLength: 100, width: 30, help: '该团支部的全称，用于核对编号是否填错，须与编号对应的组织名称完全一致', example: '共青团成都市武侯区某某社区支部委员会' },
  { key: 'name', header: '姓名', required: true, kind: 'text', maxLength: 30, width: 10, help: '2至30个汉字或字母，可含间隔号“·”', example: '张三' },
  { key: 'idType', header: '证件类型', required: true, kind: 'enum', items: ID_TYPES, width: 16, help: '从下拉列表选择', example: '普通居民身份证' },
  { key: 'idNumber', header: '证件号码', required: true, kind: 'text', asText: true, maxLength: 30, width: 22, help: '居民身份证填18位号码（末位可为X），系统按国家标准核对校验位；境外身份证填5至30位字母或数字。本列已设为文本格式，请勿改为数字格式，否则末几位会丢失', example: '510107200403151234' },
  { key: 'birthDate', header: '出生日期', required: 'foreign', kind: 'date', asText: true, width: 12, help: '仅境外身份证填写，格式 YYYY-MM-DD；居民身份证由号码自动确定，请留空', example: '2004-03-15' },
  { key: 'sex', header: '性别', required: 'foreign', kind: 'enum', items: SEXES, width: 6, help: '仅境外身份证填写（男/女）；居民身份证由号码自动确定，请留空', example: '女' },
  { key: 'ethnicity', header: '民族', required: true, kind: 'enum', items: ETHNICITIES, width: 10, help: '从下拉列表选择，如“汉族”“彝族”“藏族”', example: '汉族' },
  { key: 'politicalStatus', header: '政治面貌', required: true, kind: 'enum', items: POLITICAL_STATUSES, width: 14, help: '从下拉列表选择', example: '共青团员' },
  { key: 'educationFullTime', header: '全日制学历', required: false, kind: 'enum', items: EDUCATION_LEVELS, aliases: EDUCATION_LABEL_ALIASES, width: 16, help: '从下拉列表选择；也接受智慧团建的写法（如“本科”“大专”“中职”）', example: '普通本科在读' },
  { key: 'educationHighest', header: '最高学历', required: false, kind: 'enum', items: EDUCATION_LEVELS, aliases: EDUCATION_LABEL_ALIASES, width: 16, help: '同“全日制学历”', example: '普通本科在读' },
  { key: 'occupation', header: '职业', required: true, kind: 'enum', items: OCCUPATIONS, width: 18, help: '从下拉列表选择', example: '学生' },
  { key: 'incomeBand', header: '收入', required: false, kind: 'enum', items: INCOME_BANDS, width: 16, help: '月收入档次，从下拉列表选择，用于确定团费标准', example: '2000元以下' },
  { key: 'joinedLeagueOn', header: '入团年月', required: true, kind: 'month', asText: true, width: 10, help: '格式 YYYY-MM，不能晚于本月；2017年起入团时应年满14周岁', example: '2019-05' },
  { key: 'developmentNumber', header: '团员编号', required: false, kind: 'text', asText: true, maxLength: 12, width: 14, help: '12位数字，前4位为入团年份；不能与已有团员重复', example: '201951000123' },
  { key: 'leaguePost', header: '团内职务', required: false, kind: 'enum', items: LEAGUE_POSTS_BRANCH, width: 12, help: '团支部内的职务，从下拉列表选择；没有则留空', example: '组织委员' },
  { key: 'isCadre', header: '是否团干部', required: false, kind: 'enum', items: YES_NO, width: 10, help: '是/否，留空视为“否”', example: '否' },
  { key: 'cadreNature', header: '团干部性质', required: false, kind: 'enum', items: CADRE_NATURES, width: 10, help: '仅团干部填写（专职/兼职/挂职）', example: '' },
  { key: 'phone', header: '手机号码', required: false, kind: 'text', asText: true, maxLength: 20, width: 14, help: '11位手机号码', example: '13912345678' },
  { key: 'joinedPartyOn', header: '入党年月', required: false, kind: 'month', asText: true, width: 10, help: '格式 YYYY-MM；不是党员则留空', example: '' },
  { key: 'volunteerRegisteredOn', header: '注册志愿者时间', required: false, kind: 'date', asText: true, width: 14, help: '格式 YYYY-MM-DD，不能晚于今天', example: '2020-09-01' },
  { key: 'household', header: '户籍所在地', required: false, kind: 'text', maxLength: 100, width: 24, help: '不超过100个字', example: '四川省成都市武侯区' },
  { key: 'workplace', header: '学习工作单位', required: false, kind: 'text', maxLength: 100, width: 24, help: '不超过100个字', example: '四川大学' },
];

/** The first column of the error workbook; ignored on import, so a corrected error workbook can be uploaded as it is. */
export const ERROR_COLUMN_HEADER = '错误说明';

/** The data sheet's name; a workbook without it is read from its first sheet. */
export const DATA_SHEET_NAME = '团员信息';

export const columnByKey = new Map(IMPORT_COLUMNS.map((c) => [c.key, c]));

/** Labels are compared after folding full-width forms and removing spaces, as cadres type them. */
export function normalizeLabel(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** Label → code for an enumeration column, including its aliases. */
export function labelLookup(column: ImportColumn): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const item of column.items ?? []) lookup.set(normalizeLabel(item.zh), item.code);
  for (const [label, code] of Object.entries(column.aliases ?? {})) lookup.set(normalizeLabel(label), code);
  return lookup;
}
