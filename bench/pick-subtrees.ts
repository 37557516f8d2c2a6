import type { Db } from '../src/platform/db/connect.ts';
import type { OrganizationRow } from '../src/platform/db/schema.ts';

export type SubtreeLevel = 'city' | 'county' | 'grassroots';

/** One organization whose subtree the queries list and count. */
export type Subtree = {
  level: SubtreeLevel;
  /** 市州 / 县级 / 基层 — how the report labels it. */
  levelLabel: string;
  org: OrganizationRow;
  /** Organizations in the subtree, the root included. */
  size: number;
};

/** Size a grassroots committee has in the generated tree: itself, 2 团总支 × 8 团支部, 6 直属团支部. */
const GRASSROOTS_SIZE = 25;

/**
 * A 市州 committee of about the average size (1/21 of the tree), one of its counties (the counties
 * are filled evenly, ~1/183 each), and a full grassroots committee in that county. The county
 * and the committee lie inside the city, so the city's post can list all three.
 */
export async function pickSubtrees(db: Db): Promise<Subtree[]> {
  const total = await subtreeSize(db, '/');
  const cities = await db.selectFrom('organization').selectAll().where('type', '=', 'leading_body').where('depth', '=', 1).orderBy('id').execute();
  const sized = await Promise.all(cities.map(async (org) => ({ org, size: await subtreeSize(db, org.path) })));
  const city = closestTo(sized, total / cities.length);

  const county = await db.selectFrom('organization').selectAll()
    .where('parent_id', '=', city.org.id).where('type', '=', 'leading_body').orderBy('id').limit(1).executeTakeFirstOrThrow();
  const countySize = await subtreeSize(db, county.path);

  // The first committees of a county are complete; the last one may have been cut off at the total.
  const committees = await db.selectFrom('organization').selectAll().where('parent_id', '=', county.id).orderBy('id').limit(5).execute();
  if (committees.length === 0) throw new Error(`county ${county.name} has no grassroots committees: generate more organizations`);
  const grassroots = closestTo(await Promise.all(committees.map(async (org) => ({ org, size: await subtreeSize(db, org.path) }))), GRASSROOTS_SIZE);

  return [
    { level: 'city', levelLabel: '市州', ...city },
    { level: 'county', levelLabel: '县级', org: county, size: countySize },
    { level: 'grassroots', levelLabel: '基层', ...grassroots },
  ];
}

async function subtreeSize(db: Db, path: string): Promise<number> {
  const row = await db.selectFrom('organization').select((eb) => eb.fn.countAll<number>().as('n')).where('path', 'like', `${path}%`).executeTakeFirstOrThrow();
  return Number(row.n);
}

function closestTo<T extends { size: number }>(items: T[], target: number): T {
  const best = items.reduce<T | undefined>((a, b) => (a === undefined || Math.abs(b.size - target) < Math.abs(a.size - target) ? b : a), undefined);
  if (!best) throw new Error('no organizations to pick a subtree from');
  return best;
}
