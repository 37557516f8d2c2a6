import type { OrgTreeWriter } from './org-tree-writer.ts';
import { allRegions } from '../region.ts';

export type PlacedOrg = { id: number; path: string; depth: number };

/** The leading-body name of a region's committee: 成都市 → 共青团成都市委. */
export function committeeNameOf(regionName: string): string {
  return `共青团${regionName}委`;
}

/**
 * 共青团四川省委 → 21 市州团委 → 183 县级团委, with their GB/T 2260 codes.
 * Returns the placed organizations by region code.
 */
export async function writeSichuanFrame(writer: OrgTreeWriter): Promise<Map<string, PlacedOrg>> {
  const placed = new Map<string, PlacedOrg>();
  const regions = allRegions();
  const province = regions.find((r) => r.level === 'province')!;
  placed.set(province.code, await writer.add(null, {
    name: committeeNameOf(`${province.name.replace(/省$/, '')}省`), type: 'leading_body', industryCategory: 'party_government',
    regionCode: province.code, foundedOn: '1949-12-01', lastElectionOn: '2022-05-20', termYears: 5,
  }));
  for (const level of ['prefecture', 'county'] as const) {
    for (const region of regions.filter((r) => r.level === level)) {
      const parent = placed.get(region.parentCode!)!;
      placed.set(region.code, await writer.add(parent, {
        name: committeeNameOf(region.name), type: 'leading_body', industryCategory: 'party_government', regionCode: region.code,
        lastElectionOn: level === 'prefecture' ? '2022-06-18' : '2022-09-10', termYears: 5,
      }));
    }
  }
  return placed;
}
