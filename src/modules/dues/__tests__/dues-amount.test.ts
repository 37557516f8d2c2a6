import { afterEach, describe, expect, it } from 'vitest';
import { setEffectiveOverrides } from '../../../platform/rules/rules.ts';
import { monthlyDuesFen } from '../dues-amount.ts';
import { addMonths, isMonth, monthsBetween } from '../../../platform/time/months.ts';

const yuan = (y: number) => Math.round(y * 100);

describe('monthly dues (DOMAIN §2.1)', () => {
  afterEach(() => setEffectiveOverrides(new Map()));

  it('charges the flat 0.2 元 to students, farmers, the unemployed and those on relief, whatever they earn', () => {
    for (const category of ['student', 'farmer', 'unemployed', 'relief'] as const) {
      expect(monthlyDuesFen(category, null)).toBe(20);
      expect(monthlyDuesFen(category, yuan(9000))).toBe(20);
    }
  });

  it('charges 3 元 below 2000 元 and 2‰ rounded down to whole 元 from 2000 元, capped at 20 元', () => {
    const cases: [number, number][] = [
      [0, 3], [1500, 3], [1999.99, 3], [2000, 4], [2499.99, 4], [2500, 5], [4999.99, 9], [5000, 10], [5499, 10], [5500, 11],
      [9999.99, 19], [10000, 20], [10500, 20], [25000, 20], [1_000_000, 20],
    ];
    for (const [income, dues] of cases) {
      expect(monthlyDuesFen('wage', yuan(income)), `${income} 元`).toBe(yuan(dues));
      expect(monthlyDuesFen('irregular_income', yuan(income)), `${income} 元`).toBe(yuan(dues));
    }
  });

  it('needs an income for the income-based categories', () => {
    expect(() => monthlyDuesFen('wage', null)).toThrow();
  });

  it('reads every number from the rules table', () => {
    setEffectiveOverrides(new Map([
      ['dues.wageCapFen', { value: 3000, source: 'test', effectiveFrom: '2026-01-01' }],
      ['dues.wageThresholdFen', { value: 300000, source: 'test', effectiveFrom: '2026-01-01' }],
      ['dues.flatMonthlyFen', { value: 50, source: 'test', effectiveFrom: '2026-01-01' }],
    ]));
    expect(monthlyDuesFen('student', null)).toBe(50);
    expect(monthlyDuesFen('wage', yuan(2500))).toBe(300);
    expect(monthlyDuesFen('wage', yuan(14000))).toBe(2800);
    expect(monthlyDuesFen('wage', yuan(20000))).toBe(3000);
  });
});

describe('months', () => {
  it('adds and counts months across years', () => {
    expect(addMonths('2021-12', 1)).toBe('2022-01');
    expect(addMonths('2021-01', -1)).toBe('2020-12');
    expect(addMonths('2021-06', -18)).toBe('2019-12');
    expect(addMonths('2021-06', 30)).toBe('2023-12');
    expect(monthsBetween('2021-11', '2022-02')).toBe(3);
    expect(monthsBetween('2022-02', '2021-11')).toBe(-3);
    expect(isMonth('2021-13')).toBe(false);
    expect(isMonth('2021-00')).toBe(false);
    expect(isMonth('2021-1')).toBe(false);
    expect(() => addMonths('2021-13', 1)).toThrow();
  });
});
