import { rule } from '../../platform/rules/rules.ts';
import { INCOME_BASED, type DuesCategory } from './dues-categories.ts';

/**
 * 每月团费 in fen (DOMAIN §2.1): the flat amount for students, farmers, the unemployed and those on
 * relief; for income-based categories 3 元 below 2000 元 after tax, else 2‰ of the income rounded
 * down to whole 元 and capped at 20 元. Every number comes from the rules table.
 */
export function monthlyDuesFen(category: DuesCategory, incomeFen: number | null): number {
  if (!INCOME_BASED.has(category)) return rule('dues.flatMonthlyFen');
  if (incomeFen === null) throw new Error(`the ${category} category needs an income`);
  if (incomeFen < rule('dues.wageThresholdFen')) return rule('dues.lowWageMonthlyFen');
  // Whole yuan of income × permille / 1000, in fen: floor(fen × permille / 100,000) × 100.
  const wholeYuan = Math.floor((incomeFen * rule('dues.wageRatePermille')) / 100_000);
  return Math.min(wholeYuan * 100, rule('dues.wageCapFen'));
}
