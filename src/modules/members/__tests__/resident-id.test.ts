import { describe, expect, it } from 'vitest';
import { SICHUAN_REGIONS } from '../../org/regions.sichuan.ts';
import { ageOn, makeResidentId, maskResidentId, parseResidentId, residentIdCheckChar } from '../resident-id.ts';

const TODAY = '2025-06-01';
const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);
const codes = (raw: string, today = TODAY) => {
  const result = parseResidentId(raw, today);
  return result.ok ? [] : result.problems.map((p) => p.code);
};

/** Deterministic PRNG (mulberry32) so a failure can be reproduced. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('parseResidentId', () => {
  it('accepts the worked example of GB 11643-1999', () => {
    expect(parseResidentId('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: { number: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    });
  });

  it('normalizes spaces around, a lower-case x and full-width characters', () => {
    for (const raw of [' 11010519491231002x\t', '１１０１０５１９４９１２３１００２Ｘ']) {
      const result = parseResidentId(raw, TODAY);
      expect(result.ok && result.value.number).toBe('11010519491231002X');
    }
  });

  it('reads the sex from the parity of the 17th digit', () => {
    const male = parseResidentId(withCheck('51010719900101123'), TODAY);
    expect(male.ok && male.value.sex).toBe('male');
    const female = parseResidentId(withCheck('51010719900101124'), TODAY);
    expect(female.ok && female.value.sex).toBe('female');
  });

  it.each([
    ['17 characters', '51010719900101123', 'wrong_length'],
    ['19 characters', '510107199001011234X', 'wrong_length'],
    ['the old 15-digit form', '510107900101123', 'wrong_length'],
    ['a letter', withCheck('51010719900101123').replace('9', 'A'), 'bad_characters'],
    ['X in the middle', '51010719900X011234', 'bad_characters'],
    ['a space inside', '510107 19900101123', 'bad_characters'],
    ['province 99', withCheck('99010719900101123'), 'unknown_province'],
    ['province 00', withCheck('00010719900101123'), 'unknown_province'],
    ['19990230, no such date', withCheck('51010719990230123'), 'invalid_birth_date'],
    ['month 13', withCheck('51010719991301123'), 'invalid_birth_date'],
    ['29 Feb of a common year', withCheck('51010720230229123'), 'invalid_birth_date'],
    ['a birth date after today', withCheck('51010720250602123'), 'birth_date_in_future'],
    ['a birth date before 1900', withCheck('51010718991231123'), 'birth_date_before_1900'],
    ['a wrong check digit', '110105194912310021', 'wrong_check_digit'],
  ])('rejects %s', (_label, raw, code) => {
    expect(codes(raw)).toEqual([code]);
  });

  it('accepts 29 Feb of a leap year, today itself, and 1900-01-01', () => {
    expect(codes(withCheck('51010720240229123'))).toEqual([]);
    expect(codes(withCheck('51010720250601123'))).toEqual([]);
    expect(codes(withCheck('51010719000101123'))).toEqual([]);
  });

  it('reports every problem it can read at once', () => {
    expect(codes('99010719990230123' + '0')).toEqual(expect.arrayContaining(['unknown_province', 'invalid_birth_date']));
    expect(codes('abc')).toEqual(['wrong_length', 'bad_characters']);
  });

  it('says how many characters were given and what to do', () => {
    const result = parseResidentId('51010719900101123', TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.zh).toContain('18位');
    expect(result.problems[0]!.zh).toContain('17位');
    expect(result.problems[0]!.en).toContain('17 were given');
    const old = parseResidentId('510107900101123', TODAY);
    expect(!old.ok && old.problems[0]!.zh).toContain('旧版');
  });

  it('names the expected check character', () => {
    const result = parseResidentId('110105194912310021', TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [problem] = result.problems;
    expect(problem!.zh).toContain('应为“X”');
    expect(problem!.en).toContain('should be "X"');
  });

  it('defaults today to the current date', () => {
    expect(parseResidentId('11010519491231002X').ok).toBe(true);
    expect(codes(withCheck('51010730000101123'), undefined)).toEqual(['birth_date_in_future']);
  });
});

describe('residentIdCheckChar', () => {
  it('computes ISO 7064 MOD 11-2', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
    expect(() => residentIdCheckChar('1101051949123100')).toThrow();
  });

  it('is broken by every single-character change', () => {
    const number = '11010519491231002X';
    for (let i = 0; i < 18; i++) {
      const alphabet = i === 17 ? '0123456789X' : '0123456789';
      for (const c of alphabet) {
        if (c === number[i]) continue;
        const changed = number.slice(0, i) + c + number.slice(i + 1);
        expect(codes(changed), changed).toContain('wrong_check_digit');
      }
    }
  });
});

describe('makeResidentId (property)', () => {
  const counties = SICHUAN_REGIONS.filter((r) => r.level === 'county').map((r) => r.code);
  const random = rng(20250601);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const start = Date.UTC(1950, 0, 1);
  const end = Date.UTC(2025, 5, 1);

  it('uses real Sichuan county codes', () => {
    expect(counties.length).toBeGreaterThan(100);
    expect(counties.every((c) => c.startsWith('51'))).toBe(true);
  });

  it('builds 1,000 valid numbers, and any one changed digit makes each invalid', () => {
    for (let n = 0; n < 1000; n++) {
      const regionCode = pick(counties);
      const birthDate = new Date(start + Math.floor(random() * ((end - start) / 86_400_000 + 1)) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const sequence = Math.floor(random() * 1000);
      const sex = random() < 0.5 ? 'male' : 'female';
      const number = makeResidentId(regionCode, birthDate, sequence, sex);

      const parsed = parseResidentId(number, TODAY);
      expect(parsed, number).toEqual({ ok: true, value: { number, regionCode, birthDate, sex } });
      // The sequence keeps its first two digits; only the last moves by at most one for the sex.
      expect(Math.abs(Number(number.slice(14, 17)) - sequence)).toBeLessThanOrEqual(1);

      const position = Math.floor(random() * 18);
      const alphabet = (position === 17 ? '0123456789X' : '0123456789').replace(number[position]!, '');
      const changed = number.slice(0, position) + pick([...alphabet]) + number.slice(position + 1);
      expect(codes(changed), `${number} → ${changed}`).toContain('wrong_check_digit');
    }
  });

  it('keeps the sequence inside 0..999 when adjusting it', () => {
    expect(makeResidentId('510107', '2000-01-01', 999, 'female').slice(14, 17)).toBe('998');
    expect(makeResidentId('510107', '2000-01-01', 999, 'male').slice(14, 17)).toBe('999');
    expect(makeResidentId('510107', '2000-01-01', 0, 'male').slice(14, 17)).toBe('001');
    expect(makeResidentId('510107', '2000-01-01', 0, 'female').slice(14, 17)).toBe('000');
  });

  it('rejects bad arguments', () => {
    expect(() => makeResidentId('5101', '2000-01-01', 1, 'male')).toThrow();
    expect(() => makeResidentId('510107', '20000101', 1, 'male')).toThrow();
    expect(() => makeResidentId('510107', '2000-01-01', 1000, 'male')).toThrow();
    expect(() => makeResidentId('510107', '2000-01-01', 1.5, 'male')).toThrow();
  });
});

describe('maskResidentId', () => {
  it('keeps only the first and the last character (DOMAIN §12 DB-17: 3****************X)', () => {
    expect(maskResidentId('51010719900101123X')).toBe('5****************X');
    expect(maskResidentId('110105194912310021')).toBe('1****************1');
  });

  it('masks short input completely', () => {
    expect(maskResidentId('1234567')).toBe('*******');
    expect(maskResidentId('')).toBe('');
  });
});

describe('ageOn', () => {
  it('goes up on the birthday', () => {
    expect(ageOn('2000-06-15', '2028-06-14')).toBe(27);
    expect(ageOn('2000-06-15', '2028-06-15')).toBe(28);
    expect(ageOn('2000-06-15', '2028-06-16')).toBe(28);
    expect(ageOn('1949-12-31', '1950-12-30')).toBe(0);
    expect(ageOn('1949-12-31', '1950-12-31')).toBe(1);
    expect(ageOn('2000-01-01', '2000-01-01')).toBe(0);
  });

  it('counts a 29 February birthday on 28 February in common years', () => {
    expect(ageOn('2000-02-29', '2001-02-27')).toBe(0);
    expect(ageOn('2000-02-29', '2001-02-28')).toBe(1);
    expect(ageOn('2000-02-29', '2001-03-01')).toBe(1);
    expect(ageOn('2000-02-29', '2027-02-28')).toBe(27);
    // 2028 is a leap year: the birthday is 29 February itself.
    expect(ageOn('2000-02-29', '2028-02-28')).toBe(27);
    expect(ageOn('2000-02-29', '2028-02-29')).toBe(28);
  });

  it('is not confused by a 28 February birthday in a leap year', () => {
    expect(ageOn('2001-02-28', '2004-02-27')).toBe(2);
    expect(ageOn('2001-02-28', '2004-02-28')).toBe(3);
  });
});
