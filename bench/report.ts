import fs from 'node:fs';
import path from 'node:path';
import type { EngineResult, Measurement, PlanRecord } from './bench-engine.ts';
import type { BenchOptions } from './options.ts';
import { int, ms, seconds } from './number-format.ts';

/** One run on every engine, as written to results/latest.json. */
export type BenchResult = {
  startedAt: string;
  finishedAt: string;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; memoryGb: number };
  commit: string | null;
  options: Omit<BenchOptions, 'postgresUrl'> & { postgres: boolean };
  engines: EngineResult[];
};

const ENGINE_NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;
const KIND_LABELS = { page: 'page of 20', count: 'count', listOrgs: 'listOrgs (page + count)' } as const;

export function writeJson(result: object, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
}

/** Planned statements that miss the path index, which would make the comparison unfair (baseline) or slow (product). */
export function plansWithoutPathIndex(result: BenchResult): (PlanRecord & { engine: string })[] {
  return result.engines.flatMap((e) => e.plans.filter((p) => p.pathIndex === null).map((p) => ({ ...p, engine: e.engine })));
}

export function renderMarkdown(result: BenchResult): string {
  const out: string[] = [];
  const { machine, options } = result;
  out.push(`# Tuanwu benchmark — ${int(options.orgs)} organizations`, '');
  out.push(`${result.startedAt} · Node ${machine.node} · ${machine.platform} · ${machine.cpus} × ${machine.cpuModel} · ${machine.memoryGb} GB · commit ${result.commit ?? 'unknown'}`);
  out.push(`Engines: ${result.engines.map((e) => `${ENGINE_NAMES[e.engine]} ${e.version}`).join(', ')}${options.postgres ? '' : ' (set TUANWU_BENCH_DATABASE_URL to add PostgreSQL)'}`, '');

  out.push('## Generating the tree', '');
  out.push('seedProvinceScale on a freshly migrated database, against plain multi-row INSERTs of the same number of rows with the same 22 columns and batch size (500) into a scratch table: "bare" has only a primary key, "indexed" also the unique path and (parent_id, name) indexes and the parent foreign key that `organization` has.', '');
  out.push('| engine | organizations | seed time | seed rows/s | plain insert rows/s, bare | plain insert rows/s, indexed | seed ÷ bare | seed ÷ indexed |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const e of result.engines) {
    const g = e.generation;
    const bare = e.insertBaselines.find((b) => b.variant === 'bare')!;
    const indexed = e.insertBaselines.find((b) => b.variant === 'indexed')!;
    out.push(`| ${ENGINE_NAMES[e.engine]} | ${int(g.orgs)} | ${seconds(g.seedMs)} | ${int(g.rowsPerSecond)} | ${int(bare.rowsPerSecond)} | ${int(indexed.rowsPerSecond)} | ${ratio(g.rowsPerSecond / bare.rowsPerSecond)} | ${ratio(g.rowsPerSecond / indexed.rowsPerSecond)} |`);
  }
  out.push('');
  for (const e of result.engines) {
    const vacuum = e.generation.vacuumAnalyzeMs === null ? '' : `; VACUUM ANALYZE after the load ${seconds(e.generation.vacuumAnalyzeMs)} (not in the seed time)`;
    out.push(`- ${ENGINE_NAMES[e.engine]}: migrations and built-in roles ${seconds(e.generation.prepareMs)}${vacuum}.`);
  }
  out.push('');

  out.push('## Subtree queries', '');
  out.push(`Product = the org service as the API runs it, for a post with the 本级及下级 scope of the 市州 committee below (scope predicate + parent filter + DTO mapping); baseline = the plain indexed SQL on the same data, same Kysely handle, same run. Milliseconds; median and p95 over up to ${options.iterations} interleaved iterations (time box ${options.maxSecondsPerQuery} s per pair) after ${options.warmup} warm-up ones; ratio = product median ÷ baseline median. "index" = the EXPLAIN of baseline / product reads the path index.`, '');
  out.push('| engine | subtree | orgs | query | product median | product p95 | baseline median | baseline p95 | ratio | n | index |');
  out.push('|---|---|---:|---|---:|---:|---:|---:|---:|---:|:---:|');
  for (const e of result.engines) {
    for (const m of e.measurements) {
      const subtree = e.subtrees.find((s) => s.level === m.level)!;
      out.push(`| ${ENGINE_NAMES[e.engine]} | ${subtree.levelLabel} ${subtree.name} | ${int(subtree.size)} | ${KIND_LABELS[m.kind]} | ${ms(m.product.medianMs)} | ${ms(m.product.p95Ms)} | ${ms(m.baseline.medianMs)} | ${ms(m.baseline.p95Ms)} | ${ratio(m.ratio)} | ${m.product.iterations} | ${indexVerdict(e.plans, m)} |`);
    }
  }
  out.push('');

  out.push('## Query plans', '');
  out.push('Shape of every plan (EXPLAIN with the real parameters), then the 市州 plans in full; all plans are in latest.json.', '');
  out.push('| engine | subtree | query | baseline plan | product plan |');
  out.push('|---|---|---|---|---|');
  for (const e of result.engines) {
    for (const s of e.subtrees) {
      for (const kind of ['page', 'count'] as const) {
        const shape = (side: 'baseline' | 'product') => planShape(e.plans.find((p) => p.level === s.level && p.kind === kind && p.side === side)?.lines ?? []);
        out.push(`| ${ENGINE_NAMES[e.engine]} | ${s.levelLabel} | ${KIND_LABELS[kind]} | ${shape('baseline')} | ${shape('product')} |`);
      }
    }
  }
  out.push('');
  for (const e of result.engines) {
    for (const p of e.plans.filter((plan) => plan.level === 'city')) {
      out.push(`${ENGINE_NAMES[e.engine]}, ${p.side} ${KIND_LABELS[p.kind]}${p.pathIndex ? ` — uses ${p.pathIndex}` : ' — **does not use the path index**'}:`);
      out.push('```', p.sql.replace(/\s+/g, ' ').trim(), ...p.lines, '```');
    }
  }
  return out.join('\n');
}

/** The plan's nodes, top down, without costs and conditions: 'Limit → Index Scan using organization_path_key'. */
function planShape(lines: string[]): string {
  if (lines.length === 0) return '–';
  const nodes = lines
    .filter((line, i) => i === 0 || line.includes('->'))
    .map((line) => line.replace(/^\s*(->)?\s*/, '').replace(/\s+on organization\b/, '').replace(/\s*\(cost=.*$/, '').replace(/\s*\(path>.*$/, ''));
  return nodes.join(' → ');
}

function indexVerdict(plans: PlanRecord[], m: Measurement): string {
  const mark = (side: 'baseline' | 'product') => {
    const plan = plans.find((p) => p.level === m.level && p.kind === m.kind && p.side === side);
    return plan ? (plan.pathIndex ? '✓' : '✗') : '–';
  };
  return `${mark('baseline')} / ${mark('product')}`;
}

/** Three significant figures without exponent notation. */

function ratio(value: number): string {
  return `${value.toFixed(2)}×`;
}
