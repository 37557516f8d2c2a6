import { sql } from 'kysely';
import type { Db } from '../src/platform/db/connect.ts';
import type { OrganizationRow } from '../src/platform/db/schema.ts';
import type { DataScope } from '../src/platform/scope/data-scope.ts';
import { todayInChina } from '../src/platform/time/china-date.ts';
import { AGE_BANDS, memberStats, type StatRow } from '../src/modules/members/stats/read-member-stats.ts';
import { contributionOf } from '../src/modules/members/stats/member-contribution.ts';

type Counts = Omit<StatRow, 'orgId' | 'name' | 'type' | 'childCount'>;

type Group = { child_path: string; status: string; is_active: number; is_cadre: number; sex: string; birth_year: string; ethnicity: string; industry_category: string; n: number };

/**
 * The numbers memberStats reads from the counters, counted from the member table instead: one
 * GROUP BY over the members under `parent` (a path-prefix range of member_org_path_idx), keyed by
 * the child of `parent` each member lies under (its path cut after the next segment) and the
 * counted fields, joined to the member's branch for its field (行业 → 领域). The groups are folded
 * into the same StatRows with the product's own contributionOf and age bands.
 */
export function rawStatsQuery(db: Db, parent: OrganizationRow) {
  const length = parent.path.length;
  const rest = db.engine === 'postgres' ? sql`strpos(substr(m.org_path, ${sql.lit(length + 1)}), '/')` : sql`instr(substr(m.org_path, ${sql.lit(length + 1)}), '/')`;
  return sql<Group>`select substr(m.org_path, 1, ${sql.lit(length)} + ${rest}) as child_path,
      m.status, m.is_active, m.is_cadre, m.sex, substr(m.birth_date, 1, 4) as birth_year, m.ethnicity, o.industry_category, count(*) as n
    from member m join organization o on o.id = m.org_id
    where m.org_path like ${`${parent.path}%`}
    group by 1, m.status, m.is_active, m.is_cadre, m.sex, substr(m.birth_date, 1, 4), m.ethnicity, o.industry_category`;
}

/** The raw query and the fold: parent's counts and each child's, by child path. */
export async function rawStats(db: Db, parent: OrganizationRow): Promise<{ org: Counts; children: Map<string, Counts> }> {
  const { rows } = await rawStatsQuery(db, parent).execute(db);
  const thisYear = Number(todayInChina().slice(0, 4));
  const org = emptyCounts();
  const children = new Map<string, Counts>();
  for (const g of rows) {
    const contribution = contributionOf({ status: g.status, is_active: Number(g.is_active), is_cadre: Number(g.is_cadre), sex: g.sex, birth_date: `${g.birth_year}-01-01`, ethnicity: g.ethnicity, dues_monthly_fen: null, dues_paid_through: null }, g.industry_category);
    const targets = [org];
    if (g.child_path !== parent.path) {
      let child = children.get(g.child_path);
      if (!child) children.set(g.child_path, (child = emptyCounts()));
      targets.push(child);
    }
    for (const [key, one] of contribution) {
      const [dimension, bucket] = key.split('\u0000') as [string, string];
      const n = one * Number(g.n);
      for (const t of targets) addTo(t, dimension, bucket, n, thisYear);
    }
  }
  return { org, children };
}

function emptyCounts(): Counts {
  return { active: 0, cadre: 0, byStatus: {}, bySex: {}, byAgeBand: Object.fromEntries(AGE_BANDS.map((b) => [b.code, 0])), byEthnicity: {}, byField: {} };
}

function addTo(c: Counts, dimension: string, bucket: string, n: number, thisYear: number): void {
  const bump = (record: Record<string, number>, key: string) => (record[key] = (record[key] ?? 0) + n);
  switch (dimension) {
    case 'total':
      if (bucket === 'active') c.active += n;
      else c.cadre += n;
      break;
    case 'status': bump(c.byStatus, bucket); break;
    case 'sex': bump(c.bySex, bucket); break;
    case 'ethnicity': bump(c.byEthnicity, bucket); break;
    case 'field': bump(c.byField, bucket); break;
    case 'birth_year': {
      const age = thisYear - Number(bucket);
      bump(c.byAgeBand, AGE_BANDS.find((b) => age <= b.max)!.code);
      break;
    }
  }
}

/**
 * Fail the run when the counters and the member table disagree (the counters are what the
 * product maintains; the raw count is the truth). Returns the number of children compared.
 */
export async function assertSameStats(ctx: { db: Db; scope: DataScope }, orgId: number | undefined, parent: OrganizationRow): Promise<number> {
  const product = await memberStats(ctx, orgId);
  const raw = await rawStats(ctx.db, parent);
  const paths = new Map((await ctx.db.selectFrom('organization').select(['id', 'path']).where('parent_id', '=', parent.id).execute()).map((o) => [o.id, o.path]));
  const same = (a: Counts, b: Counts) => JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
  if (!same(product.org, raw.org)) throw new Error(`memberStats and the member table disagree on ${parent.name}: ${JSON.stringify(normalize(product.org))} vs ${JSON.stringify(normalize(raw.org))}`);
  for (const child of product.children) {
    const truth = raw.children.get(paths.get(child.orgId)!) ?? emptyCounts();
    if (!same(child, truth)) throw new Error(`memberStats and the member table disagree on ${child.name}: ${JSON.stringify(normalize(child))} vs ${JSON.stringify(normalize(truth))}`);
  }
  return product.children.length;
}

function normalize(c: Counts): Counts {
  const clean = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).filter(([, n]) => n !== 0).sort(([a], [b]) => a.localeCompare(b)));
  return { active: c.active, cadre: c.cadre, byStatus: clean(c.byStatus), bySex: clean(c.bySex), byAgeBand: clean(c.byAgeBand), byEthnicity: clean(c.byEthnicity), byField: clean(c.byField) };
}
