import cliProgress from 'cli-progress';
import type { Db } from '../platform/db/connect.ts';
import { OrgTreeWriter } from '../modules/org/seed/org-tree-writer.ts';
import { writeSichuanFrame, type PlacedOrg } from '../modules/org/seed/sichuan-frame.ts';
import { allRegions } from '../modules/org/region.ts';
import { SeededRandom } from '../modules/org/seed/synthetic-grassroots.ts';

const COMMITTEE_KINDS = [
  { suffix: '镇团委', type: 'committee', industry: 'rural' },
  { suffix: '街道团工委', type: 'working_committee', industry: 'urban_community' },
  { suffix: '中学团委', type: 'committee', industry: 'senior_high' },
  { suffix: '职业技术学校团委', type: 'committee', industry: 'vocational_school' },
  { suffix: '有限公司团委', type: 'committee', industry: 'private_enterprise' },
  { suffix: '人民医院团委', type: 'committee', industry: 'public_institution' },
] as const;

/**
 * A synthetic province-scale tree: the real Sichuan frame (when the database is empty), then
 * grassroots committees, general branches and branches spread evenly over the 183 counties
 * until `total` organizations exist. Returns how many were written.
 */
export async function seedProvinceScale(db: Db, total: number, options: { progress?: boolean } = {}): Promise<number> {
  const writer = await OrgTreeWriter.open(db, db.engine, 500);
  const existing = await db.selectFrom('organization').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let count = Number(existing.n);
  const counties: (PlacedOrg & { code: string; name: string })[] = [];
  if (count === 0) {
    const placed = await writeSichuanFrame(writer);
    await writer.flush();
    count = writer.written;
    for (const region of allRegions().filter((r) => r.level === 'county')) counties.push({ ...placed.get(region.code)!, code: region.code, name: region.name });
  } else {
    const rows = await db.selectFrom('organization').select(['id', 'path', 'depth', 'region_code', 'name']).where('type', '=', 'leading_body').where('depth', '=', 2).execute();
    for (const r of rows) counties.push({ id: r.id, path: r.path, depth: r.depth, code: r.region_code ?? '', name: r.name });
  }
  if (counties.length === 0) throw new Error('no county committees to grow the tree under');

  const bar = options.progress ? new cliProgress.SingleBar({ format: '组织 / organizations [{bar}] {value}/{total} {percentage}% ETA {eta}s' }, cliProgress.Presets.shades_classic) : null;
  bar?.start(total, count);
  const random = new SeededRandom(2021);
  const perCounty = Math.ceil(Math.max(0, total - count) / counties.length);
  const add = async (parent: PlacedOrg, org: Parameters<OrgTreeWriter['add']>[1]) => {
    const placed = await writer.add(parent, org);
    count++;
    if (count % 1000 === 0) bar?.update(count);
    return placed;
  };

  for (const county of counties) {
    let inCounty = 0;
    let serial = 1;
    while (inCounty < perCounty && count < total) {
      const kind = COMMITTEE_KINDS[serial % COMMITTEE_KINDS.length]!;
      const base = `${county.name}第${serial}`;
      const committee = await add(county, { name: `${base}${kind.suffix}`, type: kind.type, industryCategory: kind.industry, regionCode: county.code, termYears: 3, lastElectionOn: `202${random.int(1, 5)}-0${random.int(1, 9)}-15` });
      inCounty++;
      for (let g = 1; g <= 2 && inCounty < perCounty && count < total; g++) {
        const general = await add(committee, { name: `第${g}团总支`, type: 'general_branch', industryCategory: kind.industry, regionCode: county.code, termYears: 2 });
        inCounty++;
        for (let b = 1; b <= 8 && inCounty < perCounty && count < total; b++) {
          await add(general, { name: `第${g}团总支第${b}团支部`, type: 'branch', industryCategory: kind.industry, regionCode: county.code, termYears: 2 });
          inCounty++;
        }
      }
      for (let b = 1; b <= 6 && inCounty < perCounty && count < total; b++) {
        await add(committee, { name: `直属第${b}团支部`, type: 'branch', industryCategory: kind.industry, regionCode: county.code, termYears: 2 });
        inCounty++;
      }
      serial++;
    }
  }
  await writer.finish();
  bar?.update(count);
  bar?.stop();
  return writer.written;
}
