import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../working-days.ts';

describe('working days (subject.responseDays)', () => {
  it('skips Saturdays and Sundays', () => {
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30'); // Friday → Monday
    expect(addWorkingDays('2026-11-28', 1)).toBe('2026-11-30'); // a request on Saturday: Monday is the first working day
    expect(addWorkingDays('2026-11-26', 15)).toBe('2026-12-17'); // three weeks
    expect(addWorkingDays('2026-12-31', 2)).toBe('2027-01-04');
  });
});
