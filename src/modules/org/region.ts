import { SICHUAN_REGIONS } from './regions.sichuan.ts';

/** 行政区划 (GB/T 2260). */
export type Region = {
  code: string;
  name: string;
  level: 'province' | 'prefecture' | 'county';
  parentCode: string | null;
};

const byCode = new Map(SICHUAN_REGIONS.map((r) => [r.code, r]));

export function findRegion(code: string): Region | undefined {
  return byCode.get(code);
}

export function allRegions(): readonly Region[] {
  return SICHUAN_REGIONS;
}

/** Full name with the prefecture, e.g. 成都市武侯区. */
export function regionFullName(code: string): string | null {
  const region = byCode.get(code);
  if (!region) return null;
  if (region.level !== 'county' || !region.parentCode) return region.name;
  return `${byCode.get(region.parentCode)?.name ?? ''}${region.name}`;
}
