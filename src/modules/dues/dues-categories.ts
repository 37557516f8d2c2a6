import type { EnumItem } from '../org/org-enums.ts';

/**
 * 团费交纳类别 (中青发〔2016〕13号, DOMAIN §2.1): the flat-rate groups pay a fixed monthly amount;
 * wage earners and those with irregular income pay by their after-tax monthly income (for the
 * irregular group: the previous quarter's monthly average 纯收入).
 */
export const DUES_CATEGORIES = [
  { code: 'student', zh: '学生（含研究生）', en: 'Student' },
  { code: 'unemployed', zh: '下岗失业', en: 'Unemployed' },
  { code: 'relief', zh: '依靠抚恤、救济或低保生活', en: 'Living on relief or minimum allowance' },
  { code: 'farmer', zh: '农民（农林牧渔）', en: 'Farmer' },
  { code: 'wage', zh: '按月领取工资', en: 'Monthly wage' },
  { code: 'irregular_income', zh: '个体经营或不按月取得收入', en: 'Self-employed or irregular income' },
] as const satisfies readonly EnumItem[];
export type DuesCategory = (typeof DUES_CATEGORIES)[number]['code'];

/** Categories whose dues follow the income; the others pay the flat amount. */
export const INCOME_BASED: ReadonlySet<DuesCategory> = new Set(['wage', 'irregular_income']);

export function isDuesCategory(code: string): code is DuesCategory {
  return DUES_CATEGORIES.some((c) => c.code === code);
}

/** The category a member's 职业 settles without asking, if any (students and farmers pay the flat amount). */
export function categoryOfOccupation(occupation: string): DuesCategory | null {
  if (occupation === 'student') return 'student';
  if (occupation === 'farmer') return 'farmer';
  return null;
}

/** 交纳方式 of the offline provider. */
export const PAYMENT_METHODS = [
  { code: 'cash', zh: '现金', en: 'Cash' },
  { code: 'bank_transfer', zh: '银行转账', en: 'Bank transfer' },
] as const satisfies readonly EnumItem[];
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]['code'];
