import { sql } from 'kysely';
import type { Db, Engine } from '../src/platform/db/connect.ts';
import { FieldCipher } from '../src/platform/pii/field-cipher.ts';
import { randomKeyRing } from '../src/platform/pii/keys.ts';
import { DataScope } from '../src/platform/scope/data-scope.ts';
import { generateTree, type GenerationResult } from './generate-tree.ts';
import { measureInsertRate, type InsertBaselineResult } from './insert-baseline.ts';
import { measurePair, type Timing } from './measure.ts';
import type { BenchOptions } from './options.ts';
import { pickSubtrees, type SubtreeLevel } from './pick-subtrees.ts';
import { explain, type QueryPlan } from './query-plan.ts';
import type { ScratchDatabase } from './scratch-database.ts';
import { assertSameAnswer, subtreeQueries, type QueryKind } from './subtree-queries.ts';

export type SubtreeInfo = { level: SubtreeLevel; levelLabel: string; id: number; name: string; path: string; size: number };

export type Measurement = { level: SubtreeLevel; kind: QueryKind; product: Timing; baseline: Timing; ratio: number };

export type PlanRecord = QueryPlan & { level: SubtreeLevel; kind: QueryKind; side: 'product' | 'baseline'; sql: string };

/** Everything measured on one engine. */
export type EngineResult = {
  engine: Engine;
  version: string;
  location: string;
  generation: GenerationResult;
  insertBaselines: InsertBaselineResult[];
  /** The post whose 本级及下级 scope every product query runs under. */
  scopeOrg: SubtreeInfo;
  subtrees: SubtreeInfo[];
  measurements: Measurement[];
  plans: PlanRecord[];
};

/** Generate, measure and throw away one scratch database. */
export async function benchEngine(scratch: ScratchDatabase, options: BenchOptions, log: (line: string) => void): Promise<EngineResult> {
  const { db } = scratch;
  try {
    const version = await engineVersion(db);
    log(`${db.engine} ${version}: generating ${options.orgs.toLocaleString('en-US')} organizations in ${scratch.location}`);
    const generation = await generateTree(db, options.orgs);

    log(`${db.engine}: plain INSERT rate on a scratch table (${generation.orgs.toLocaleString('en-US')} rows, twice)`);
    const insertBaselines = [await measureInsertRate(db, generation.orgs, 'bare'), await measureInsertRate(db, generation.orgs, 'indexed')];

    const subtrees = await pickSubtrees(db);
    const city = subtrees[0]!;
    // The city cadre's post: every subtree below is listed through the city's 本级及下级 scope,
    // so the product's scope predicate is part of every product query.
    const scope = DataScope.forPost({ kind: 'subtree', orgId: city.org.id, orgPath: city.org.path, userId: 0 });
    const ctx = { db, cipher: new FieldCipher(randomKeyRing().fieldKey), scope };

    const measurements: Measurement[] = [];
    const plans: PlanRecord[] = [];
    for (const subtree of subtrees) {
      await assertSameAnswer(ctx, subtree.org);
      for (const pair of subtreeQueries(ctx, subtree.org)) {
        for (const [side, query] of [['baseline', pair.baselineSql], ['product', pair.productSql]] as const) {
          if (query) plans.push({ level: subtree.level, kind: pair.kind, side, sql: query.sql, ...(await explain(db, query)) });
        }
        log(`${db.engine}: ${subtree.levelLabel} ${subtree.org.name} (${subtree.size.toLocaleString('en-US')} orgs) — ${pair.kind}`);
        const timing = await measurePair(pair.product, pair.baseline, { warmup: options.warmup, iterations: options.iterations, maxMs: options.maxSecondsPerQuery * 1000 });
        measurements.push({ level: subtree.level, kind: pair.kind, ...timing });
      }
    }
    const info = subtrees.map((s) => ({ level: s.level, levelLabel: s.levelLabel, id: s.org.id, name: s.org.name, path: s.org.path, size: s.size }));
    return { engine: db.engine, version, location: scratch.location, generation, insertBaselines, scopeOrg: info[0]!, subtrees: info, measurements, plans };
  } finally {
    await scratch.dispose();
  }
}

export async function engineVersion(db: Db): Promise<string> {
  const query = db.engine === 'sqlite' ? sql<{ v: string }>`select sqlite_version() as v` : sql<{ v: string }>`select current_setting('server_version') as v`;
  const { rows } = await query.execute(db);
  return rows[0]?.v ?? '?';
}
