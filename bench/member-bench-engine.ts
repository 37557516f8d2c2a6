import { sql, type CompiledQuery } from 'kysely';
import type { Db, Engine } from '../src/platform/db/connect.ts';
import type { OrganizationRow } from '../src/platform/db/schema.ts';
import { BlindIndex } from '../src/platform/pii/blind-index.ts';
import { FieldCipher } from '../src/platform/pii/field-cipher.ts';
import { randomKeyRing } from '../src/platform/pii/keys.ts';
import { DataScope } from '../src/platform/scope/data-scope.ts';
import { todayInChina } from '../src/platform/time/china-date.ts';
import { memberStats } from '../src/modules/members/stats/read-member-stats.ts';
import { engineVersion } from './bench-engine.ts';
import { generateMembers, type MemberGenerationResult } from './generate-members.ts';
import { generateTree, type GenerationResult } from './generate-tree.ts';
import { benchImport, type ImportResult } from './import-bench.ts';
import { measurePair, type MeasureOptions, type Timing } from './measure.ts';
import { measureMemberInsertRate, type MemberInsertBaselineResult } from './member-insert-baseline.ts';
import { INDEX_EXPERIMENTS, type IndexExperiment } from './member-index-experiments.ts';
import { assertSameList, memberListQueries, type ListQueryKind, type ListSort } from './member-list-queries.ts';
import { assertSameStats, rawStats, rawStatsQuery } from './member-stats-queries.ts';
import type { BenchOptions } from './options.ts';
import { pickSubtrees } from './pick-subtrees.ts';
import { explainLines } from './query-plan.ts';
import type { ScratchDatabase } from './scratch-database.ts';

export type PostLevel = 'province' | 'city' | 'county' | 'branch';

/** A post (任职) with the 本级及下级 scope of one organization. */
export type PostInfo = { level: PostLevel; levelLabel: string; id: number; name: string; path: string; orgs: number; members: number; matching: number | null };

export type ListMeasurement = { level: PostLevel; kind: ListQueryKind; sort: ListSort | null; product: Timing; baseline: Timing; ratio: number; experiment: string | null };

export type MemberPlan = { level: PostLevel; kind: string; sort: ListSort | null; side: 'product' | 'baseline'; experiment: string | null; sql: string; lines: string[] };

export type StatsMeasurement = { level: PostLevel; children: number; product: Timing; baseline: Timing; ratio: number };

export type ExperimentResult = { name: string; description: string; createMs: number; statements: string[]; bytes: number | null };

export type MemberEngineResult = {
  engine: Engine;
  version: string;
  location: string;
  tree: GenerationResult;
  members: MemberGenerationResult;
  insertBaselines: MemberInsertBaselineResult[];
  posts: PostInfo[];
  list: ListMeasurement[];
  stats: StatsMeasurement[];
  experiments: ExperimentResult[];
  plans: MemberPlan[];
  import: ImportResult | null;
};

const LEVEL_LABELS: Record<PostLevel, string> = { province: '省级', city: '市州', county: '县级', branch: '团支部' };

/** Build the province on one engine, measure the member paths, and throw the database away. */
export async function benchMembersEngine(scratch: ScratchDatabase, options: BenchOptions, log: (line: string) => void): Promise<MemberEngineResult> {
  const { db } = scratch;
  try {
    const version = await engineVersion(db);
    const keyRing = randomKeyRing();
    const keys = { cipher: new FieldCipher(keyRing.fieldKey), blindIndex: new BlindIndex(keyRing.indexKey), auditKey: keyRing.auditKey };
    const n = (x: number) => x.toLocaleString('en-US');

    log(`${db.engine} ${version}: generating ${n(options.orgs)} organizations in ${scratch.location}`);
    const tree = await generateTree(db, options.orgs);
    log(`${db.engine}: generating ${n(options.memberTotal)} members (seedProvinceMembers)`);
    const members = await generateMembers(db, keys, options.memberTotal);
    log(`${db.engine}: ${n(members.members)} members in ${(members.seedMs / 1000).toFixed(0)} s (${n(Math.round(members.seedRowsPerSecond))} rows/s)`);

    const insertBaselines: MemberInsertBaselineResult[] = [];
    for (const variant of ['bare', 'indexed'] as const) {
      log(`${db.engine}: plain INSERT rate of member-shaped rows (${variant}, ${n(options.memberBaselineRows)} rows)`);
      insertBaselines.push(await measureMemberInsertRate(db, options.memberBaselineRows, variant, log));
    }
    if (db.engine === 'postgres') await sql`checkpoint`.execute(db);

    const posts = await pickPosts(db);
    const today = todayInChina();
    const quick: MeasureOptions = { warmup: Math.min(options.warmup, 5), iterations: options.iterations, maxMs: options.maxSecondsPerQuery * 1000 };
    const plans: MemberPlan[] = [];
    const list: ListMeasurement[] = [];

    const measureList = async (experiment: string | null) => {
      for (const post of posts.filter((p) => p.level !== 'province')) {
        const ctx = { db, scope: scopeOf(post), blindIndex: keys.blindIndex };
        const { total } = await assertSameList(ctx, post.path, today);
        post.matching = total;
        for (const pair of memberListQueries(ctx, post.path, today)) {
          // With an experiment only the product side changes; its baseline is measured again all the same, as the yardstick of the moment.
          for (const [side, query] of [['baseline', pair.baselineSql], ['product', pair.productSql]] as const) {
            if (query && (experiment === null || side === 'product')) plans.push({ level: post.level, kind: pair.kind, sort: pair.sort, side, experiment, sql: query.sql, lines: await explainLines(db, query, { analyze: true }) });
          }
          log(`${db.engine}: ${experiment ? `[${experiment}] ` : ''}${post.levelLabel} ${post.name} (${n(post.members)} members, ${n(total)} match) — ${pair.kind}${pair.sort ? ` by ${pair.sort}` : ''}`);
          // Experiments only need the medians to compare, so they get a shorter time box.
          const timing = await measurePair(pair.product, pair.baseline, experiment ? { warmup: 2, iterations: options.iterations, maxMs: Math.min(quick.maxMs, 3000), minIterations: 10 } : quick);
          list.push({ level: post.level, kind: pair.kind, sort: pair.sort, ...timing, experiment });
        }
      }
    };
    await measureList(null);

    const stats: StatsMeasurement[] = [];
    for (const post of posts.filter((p) => p.level === 'province' || p.level === 'city')) {
      const ctx = { db, scope: scopeOf(post) };
      const org = (await db.selectFrom('organization').selectAll().where('id', '=', post.id).executeTakeFirstOrThrow()) as OrganizationRow;
      const children = await assertSameStats(ctx, undefined, org);
      const query = rawStatsQuery(db, org).compile(db);
      plans.push({ level: post.level, kind: 'stats', sort: null, side: 'baseline', experiment: null, sql: query.sql, lines: await explainLines(db, query, { analyze: true }) });
      plans.push(...(await productStatsPlans(db, post, org, children)));
      log(`${db.engine}: memberStats for ${post.levelLabel} ${post.name} (${children} children) against the raw GROUP BY`);
      const timing = await measurePair(() => memberStats(ctx, undefined), () => rawStats(db, org), { warmup: 1, iterations: options.iterations, maxMs: options.maxSecondsPerQuery * 1000, minIterations: 3 });
      stats.push({ level: post.level, children, ...timing });
    }

    const experiments: ExperimentResult[] = [];
    if (options.indexExperiments) {
      const chosen = INDEX_EXPERIMENTS.filter((x) => x.create[db.engine].length > 0 && (options.experiments === null || options.experiments.includes(x.name)));
      for (const experiment of chosen) {
        experiments.push(await createExperiment(db, experiment, log));
        try {
          await measureList(experiment.name);
        } finally {
          await dropExperiment(db, experiment);
        }
      }
    }

    let imported: ImportResult | null = null;
    if (!options.skipImport) {
      log(`${db.engine}: Excel import of ${n(options.importRows)} rows`);
      const county = (await db.selectFrom('organization').selectAll().where('id', '=', posts.find((p) => p.level === 'county')!.id).executeTakeFirstOrThrow()) as OrganizationRow;
      imported = await benchImport(db, keys, county, scratch.tempDir, options.importRows, log);
    }

    return { engine: db.engine, version, location: scratch.location, tree, members, insertBaselines, posts, list, stats, experiments, plans, import: imported };
  } finally {
    await scratch.dispose();
  }
}

function scopeOf(post: PostInfo): DataScope {
  return DataScope.forPost({ kind: 'subtree', orgId: post.id, orgPath: post.path, userId: 0 });
}

/**
 * The province (the root), the 市州 and county the org benchmark uses (a city of average size and its
 * first county), and the first branch with members in that county's first full committee.
 */
async function pickPosts(db: Db): Promise<PostInfo[]> {
  const root = await db.selectFrom('organization').selectAll().where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
  const [city, county, grassroots] = await pickSubtrees(db);
  const branch = await db.selectFrom('organization').selectAll().where('path', 'like', `${grassroots!.org.path}%`).where('type', '=', 'branch')
    .where((eb) => eb.exists(eb.selectFrom('member').select('member.id').whereRef('member.org_id', '=', 'organization.id'))).orderBy('path').limit(1).executeTakeFirstOrThrow();
  const info = async (level: PostLevel, org: OrganizationRow): Promise<PostInfo> => {
    const orgs = await db.selectFrom('organization').select((eb) => eb.fn.countAll<number>().as('n')).where('path', 'like', `${org.path}%`).executeTakeFirstOrThrow();
    const members = await db.selectFrom('member').select((eb) => eb.fn.countAll<number>().as('n')).where('org_path', 'like', `${org.path}%`).executeTakeFirstOrThrow();
    return { level, levelLabel: LEVEL_LABELS[level], id: org.id, name: org.name, path: org.path, orgs: Number(orgs.n), members: Number(members.n), matching: null };
  };
  return [await info('province', root), await info('city', city!.org), await info('county', county!.org), await info('branch', branch)];
}

/** The statements memberStats runs (the children list and the counters), for their plans. */
async function productStatsPlans(db: Db, post: PostInfo, org: OrganizationRow, children: number): Promise<MemberPlan[]> {
  const ids = (await db.selectFrom('organization').select('id').where('parent_id', '=', org.id).execute()).map((r) => r.id);
  const queries: [string, CompiledQuery][] = [
    ['stats: children', db.selectFrom('organization').select(['id', 'name', 'type', 'child_count']).where('path', 'like', `${org.path}%`).where('parent_id', '=', org.id)
      .orderBy(sql`coalesce(region_code, '')`).orderBy('name').compile()],
    ['stats: counters', db.selectFrom('member_stat').select(['org_id', 'dimension', 'bucket', 'n']).where('org_id', 'in', [org.id, ...ids]).where('n', '!=', 0).compile()],
  ];
  if (ids.length !== children) throw new Error(`expected ${children} children of ${org.name}, found ${ids.length}`);
  const plans: MemberPlan[] = [];
  for (const [kind, query] of queries) plans.push({ level: post.level, kind, sort: null, side: 'product', experiment: null, sql: query.sql, lines: await explainLines(db, query, { analyze: true }) });
  return plans;
}

async function createExperiment(db: Db, experiment: IndexExperiment, log: (line: string) => void): Promise<ExperimentResult> {
  log(`${db.engine}: experiment ${experiment.name}: ${experiment.description}`);
  const statements = experiment.create[db.engine];
  const started = performance.now();
  for (const statement of statements) await sql.raw(statement.replace('{database}', await databaseName(db))).execute(db);
  if (db.engine === 'postgres') await sql`analyze member`.execute(db);
  const createMs = performance.now() - started;
  await experiment.settle?.(db);
  return { name: experiment.name, description: experiment.description, createMs, statements, bytes: await experiment.bytes?.(db) ?? null };
}

async function dropExperiment(db: Db, experiment: IndexExperiment): Promise<void> {
  for (const statement of experiment.drop[db.engine]) await sql.raw(statement.replace('{database}', await databaseName(db))).execute(db);
  if (db.engine === 'postgres') await sql`analyze member`.execute(db);
  await experiment.settle?.(db);
}

async function databaseName(db: Db): Promise<string> {
  if (db.engine !== 'postgres') return 'main';
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
  return rows[0]!.name;
}
