import { describe, expect, it } from 'vitest';
import { codesOf, labelOf, type EnumItem } from '../../org/org-enums.ts';
import {
  CADRE_NATURES,
  EDUCATION_LABEL_ALIASES,
  EDUCATION_LEVELS,
  ETHNICITIES,
  ID_TYPES,
  INCOME_BANDS,
  LEAGUE_POSTS_BRANCH,
  LEAGUE_POSTS_COMMITTEE,
  MEMBER_STATUSES,
  OCCUPATIONS,
  POLITICAL_STATUSES,
} from '../member-enums.ts';

const LISTS: Record<string, readonly EnumItem[]> = {
  ETHNICITIES,
  POLITICAL_STATUSES,
  EDUCATION_LEVELS,
  OCCUPATIONS,
  ID_TYPES,
  LEAGUE_POSTS_COMMITTEE,
  LEAGUE_POSTS_BRANCH,
  CADRE_NATURES,
  INCOME_BANDS,
  MEMBER_STATUSES,
};

describe('member enumerations', () => {
  it.each(Object.entries(LISTS))('%s has unique codes and labels', (_name, items) => {
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(codesOf(items)).size).toBe(items.length);
    expect(new Set(items.map((i) => i.zh)).size).toBe(items.length);
    expect(new Set(items.map((i) => i.en)).size).toBe(items.length);
    for (const item of items) {
      expect(item.code).toMatch(/^([a-z][a-z0-9_]*|\d{2})$/);
      expect(item.zh).not.toBe('');
      expect(item.en).not.toBe('');
    }
  });

  it('lists the 56 民族 in GB/T 3304 order, coded 01–56, 汉族 first', () => {
    expect(ETHNICITIES).toHaveLength(56);
    expect(codesOf(ETHNICITIES)).toEqual(Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(ETHNICITIES[0]).toMatchObject({ code: '01', zh: '汉族' });
    expect(labelOf(ETHNICITIES, '07')).toBe('彝族');
    expect(labelOf(ETHNICITIES, '33')).toBe('羌族');
    expect(labelOf(ETHNICITIES, '04')).toBe('藏族');
    expect(ETHNICITIES.every((e) => e.zh.endsWith('族'))).toBe(true);
  });

  it('has the sizes DOMAIN §1.2 gives', () => {
    expect(POLITICAL_STATUSES).toHaveLength(4);
    expect(EDUCATION_LEVELS).toHaveLength(15);
    expect(EDUCATION_LEVELS.filter((e) => e.zh.endsWith('在读'))).toHaveLength(7);
    expect(OCCUPATIONS).toHaveLength(14);
    expect(ID_TYPES).toHaveLength(2);
    expect(LEAGUE_POSTS_COMMITTEE).toHaveLength(6);
    expect(LEAGUE_POSTS_BRANCH).toHaveLength(9);
    expect(CADRE_NATURES).toHaveLength(3);
    expect(INCOME_BANDS).toHaveLength(5);
  });

  it('has a pending and a final 团籍状态 for each way of leaving, one for leaving the province by transfer, and no 禁用', () => {
    const statuses = codesOf(MEMBER_STATUSES);
    expect(statuses[0]).toBe('normal');
    const finals = statuses.filter((s) => s !== 'normal' && !s.endsWith('_pending') && s !== 'transferred_out');
    expect(finals).toEqual(['aged_out', 'lapsed', 'withdrawn', 'expelled']);
    expect(statuses).toContain('transferred_out');
    for (const f of finals) expect(statuses).toContain(`${f}_pending`);
    expect(MEMBER_STATUSES.filter((s) => s.zh.endsWith('待审核'))).toHaveLength(4);
    expect(MEMBER_STATUSES.map((s): string => s.zh)).not.toContain('禁用');
  });

  it('maps the 最高学历 labels to education codes without shadowing a label', () => {
    const valid = new Set<string>(codesOf(EDUCATION_LEVELS));
    const labels = new Set<string>(EDUCATION_LEVELS.map((e) => e.zh));
    for (const [alias, code] of Object.entries(EDUCATION_LABEL_ALIASES)) {
      expect(valid.has(code), alias).toBe(true);
      expect(labels.has(alias), alias).toBe(false);
    }
  });
});
