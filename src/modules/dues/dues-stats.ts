import { rule, type RuleKey } from '../../platform/rules/rules.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { monthInChina } from '../../platform/time/months.ts';
import { DUES_UNASSESSED } from '../members/stats/member-contribution.ts';
import { lapseThreshold } from './dues-standing.ts';
import { orgWithChildren } from '../org/org-with-children.ts';

/** 团费留存 levels, by depth in the tree: the province, a 市州, a county, everything below. */
export const RETENTION_LEVELS = [
  { code: 'central', zh: '团中央', en: 'Central committee', rule: 'dues.retentionCentralPercent' },
  { code: 'province', zh: '省级', en: 'Province', rule: 'dues.retentionProvincePercent' },
  { code: 'city', zh: '市级', en: 'City', rule: 'dues.retentionCityPercent' },
  { code: 'county', zh: '县级', en: 'County', rule: 'dues.retentionCountyPercent' },
  { code: 'grassroots', zh: '基层', en: 'Grassroots', rule: 'dues.retentionGrassrootsPercent' },
] as const satisfies readonly { code: string; zh: string; en: string; rule: RuleKey }[];
export type RetentionLevel = (typeof RETENTION_LEVELS)[number]['code'];

/** The level of an organization from its depth: 1 province, 2 市州, 3 county, deeper grassroots. */
export function retentionLevelOf(path: string): RetentionLevel {
  const depth = path.split('/').filter(Boolean).length;
  return depth <= 1 ? 'province' : depth === 2 ? 'city' : depth === 3 ? 'county' : 'grassroots';
}

/** One organization's subtree: who is assessed and paid up this month, and what was collected. */
export type DuesStatRow = {
  orgId: number;
  name: string;
  type: string;
  childCount: number;
  active: number;
  assessed: number;
  unassessed: number;
  paidUp: number;
  owing: number;
  lapse: number;
  /** paidUp ÷ assessed, 0–1 (null with nobody assessed). */
  paidUpRate: number | null;
  collectedMonthFen: number;
  collectedYearFen: number;
  paymentsYear: number;
  level: RetentionLevel;
  /** What this level keeps of the year's collection in its subtree, and what goes further up. */
  retainedYearFen: number;
  remittedYearFen: number;
};

/** 团费统计: the organization (default: the post's) and one row per direct child, from the counters. */
export async function duesStats(ctx: Pick<ServiceContext, 'db' | 'scope'>, orgId: number | undefined): Promise<{ month: string; org: DuesStatRow; children: DuesStatRow[]; retention: { level: RetentionLevel; percent: number }[] }> {
  const { org, children } = await orgWithChildren(ctx.db, ctx.scope, orgId);
  const thisMonth = monthInChina();
  const year = thisMonth.slice(0, 4);
  const lapseMonth = lapseThreshold(thisMonth);
  const ids = [org.id, ...children.map((c) => c.id)];
  const [counters, collected] = await Promise.all([
    ctx.db.selectFrom('member_stat').select(['org_id', 'dimension', 'bucket', 'n'])
      .where('org_id', 'in', ids).where('dimension', 'in', ['total', 'dues_through']).where('n', '!=', 0).execute(),
    ctx.db.selectFrom('dues_stat').select(['org_id', 'month', 'collected_fen', 'payments'])
      .where('org_id', 'in', ids).where('month', '>=', `${year}-01`).where('month', '<=', `${year}-12`).execute(),
  ]);
  const rows = new Map<number, DuesStatRow>();
  for (const o of [{ id: org.id, name: org.name, type: org.type, child_count: org.child_count, path: org.path }, ...children]) {
    rows.set(o.id, {
      orgId: o.id, name: o.name, type: o.type, childCount: o.child_count, active: 0, assessed: 0, unassessed: 0, paidUp: 0, owing: 0, lapse: 0,
      paidUpRate: null, collectedMonthFen: 0, collectedYearFen: 0, paymentsYear: 0, level: retentionLevelOf(o.path), retainedYearFen: 0, remittedYearFen: 0,
    });
  }
  for (const c of counters) {
    const row = rows.get(c.org_id)!;
    const n = Number(c.n);
    if (c.dimension === 'total') {
      if (c.bucket === 'active') row.active = n;
    } else if (c.bucket === DUES_UNASSESSED) {
      row.unassessed += n;
    } else {
      row.assessed += n;
      if (c.bucket >= thisMonth) row.paidUp += n;
      else row.owing += n;
      if (c.bucket <= lapseMonth) row.lapse += n;
    }
  }
  for (const c of collected) {
    const row = rows.get(c.org_id)!;
    row.collectedYearFen += Number(c.collected_fen);
    row.paymentsYear += Number(c.payments);
    if (c.month === thisMonth) row.collectedMonthFen += Number(c.collected_fen);
  }
  const percent = (level: RetentionLevel) => rule(RETENTION_LEVELS.find((l) => l.code === level)!.rule);
  const order = RETENTION_LEVELS.map((l) => l.code);
  for (const row of rows.values()) {
    row.paidUpRate = row.assessed > 0 ? row.paidUp / row.assessed : null;
    row.retainedYearFen = Math.round((row.collectedYearFen * percent(row.level)) / 100);
    // Everything kept by the levels above this one leaves it.
    const above = order.slice(0, order.indexOf(row.level)).reduce((sum, level) => sum + percent(level), 0);
    row.remittedYearFen = Math.round((row.collectedYearFen * above) / 100);
  }
  return {
    month: thisMonth,
    org: rows.get(org.id)!,
    children: children.map((c) => rows.get(c.id)!),
    retention: RETENTION_LEVELS.map((l) => ({ level: l.code, percent: rule(l.rule) })),
  };
}
