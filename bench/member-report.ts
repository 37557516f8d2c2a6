import type { MemberEngineResult, MemberPlan, PostLevel } from './member-bench-engine.ts';
import { LIST_FILTER, MEMBER_PAGE_SIZE } from './member-list-queries.ts';
import type { BenchResult } from './report.ts';
import { int, minutes, ms, pct, ratio, seconds } from './number-format.ts';

/** One member run on every engine, as written to results/members-latest.json. */
export type MemberBenchResult = Omit<BenchResult, 'engines'> & { engines: MemberEngineResult[] };

const ENGINE_NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;
const KIND_LABELS: Record<string, string> = {
  count: 'count', page: `page of ${MEMBER_PAGE_SIZE}`, listMembers: 'listMembers (page + count)',
};
const SORT_LABELS = { name: 'name', birthDate: 'birthDate' } as const;

export function renderMembersMarkdown(result: MemberBenchResult): string {
  const out: string[] = [];
  const { machine, options } = result;
  out.push(`# Tuanwu member benchmark — ${int(options.orgs)} organizations, ${int(options.memberTotal)} members`, '');
  out.push(`${result.startedAt} · Node ${machine.node} · ${machine.platform} · ${machine.cpus} × ${machine.cpuModel} · ${machine.memoryGb} GB · commit ${result.commit ?? 'unknown'}`);
  out.push(`Engines: ${result.engines.map((e) => `${ENGINE_NAMES[e.engine]} ${e.version}`).join(', ')}${options.postgres ? '' : ' (set TUANWU_BENCH_DATABASE_URL to add PostgreSQL)'}. Run time ${minutes(Date.parse(result.finishedAt) - Date.parse(result.startedAt))}.`, '');

  // ---- 1. Build
  out.push('## 1. Building the province', '');
  out.push(`seedProvinceScale, then seedProvinceMembers (synthesizeMember per row — resident ID, two AES-256-GCM encryptions, two HMAC blind indexes, pinyin — 500-row INSERTs each in its own transaction, then rebuildMemberStats). Baseline: plain 500-row INSERTs of ${int(options.memberBaselineRows)} member-shaped rows (the 32 columns, same lengths, random blind indexes, same branch order) into a copy of \`member\` made from the catalog: "bare" has only the primary key, "indexed" every index of \`member\` and its foreign key. The baseline times only executing the compiled statements; Kysely compiling them is shown apart.`, '');
  out.push('| engine | members | seed time | of which inserts | of which counters | seed rows/s (inserts only) | plain rows/s, bare | plain rows/s, indexed | seed ÷ bare | seed ÷ indexed | Kysely compile per 500 rows |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const e of result.engines) {
    const m = e.members;
    const bare = e.insertBaselines.find((b) => b.variant === 'bare')!;
    const indexed = e.insertBaselines.find((b) => b.variant === 'indexed')!;
    out.push(`| ${ENGINE_NAMES[e.engine]} | ${int(m.members)} | ${seconds(m.seedMs)} | ${seconds(m.insertMs)} | ${seconds(m.statsRebuildMs)} | ${int(m.insertRowsPerSecond)} | ${int(bare.rowsPerSecond)} | ${int(indexed.rowsPerSecond)} | ${pct(m.insertRowsPerSecond / bare.rowsPerSecond)} | ${pct(m.insertRowsPerSecond / indexed.rowsPerSecond)} | ${ms(indexed.compileMs / (indexed.rows / 500))} ms |`);
  }
  out.push('');
  for (const e of result.engines) {
    const t = e.tree;
    const m = e.members;
    const vacuum = m.vacuumAnalyzeMs === null ? '' : `; VACUUM ANALYZE of member and member_stat ${seconds(m.vacuumAnalyzeMs)} (not in the seed time)`;
    out.push(`- ${ENGINE_NAMES[e.engine]}: ${int(t.orgs)} organizations in ${seconds(t.seedMs)} (${int(t.rowsPerSecond)} rows/s); members with counters ${int(m.seedRowsPerSecond)} rows/s overall; ${int(m.counterRows)} counter rows; member table ${m.storedBytes === null ? '?' : gb(m.storedBytes)}${e.engine === 'sqlite' ? ' (whole file)' : ' with indexes'}${vacuum}.`);
  }
  out.push('');

  // ---- 2. Import
  out.push('## 2. Excel import', '');
  out.push('The product path as ImportJobRunner runs it (openXlsxPackage → checkImportFile → insertImportedMembers, all rows in one transaction), as the county post, on a generated workbook in the template\'s shape (shared strings, text-formatted number columns, every row valid) into the loaded database. Left out: the job-row bookkeeping (claim, a progress UPDATE every 500 rows, finish). Raw baseline: the same rows as the import builds them (other blind-index and 团员编号 values, since the imported ones are taken) as compiled 500-row INSERTs into `member` itself in one transaction, rolled back.', '');
  out.push('| engine | county (branches) | rows | workbook | package | phase 1 check | phase 2 insert | import total | import rows/s | raw rows/s (same rows, loaded table) | import ÷ raw | import ÷ plain indexed (§1) |');
  out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const e of result.engines) {
    const i = e.import;
    if (!i) continue;
    const indexed = e.insertBaselines.find((b) => b.variant === 'indexed')!;
    out.push(`| ${ENGINE_NAMES[e.engine]} | ${i.county.name} (${int(i.county.branches)}) | ${int(i.rows)} | ${mb(i.workbookBytes)} | ${seconds(i.packageMs)} | ${seconds(i.checkMs)} | ${seconds(i.insertMs)} | ${seconds(i.totalMs)} | ${int(i.rowsPerSecond)} | ${int(i.rawInsert.rowsPerSecond)} | **${pct(i.rowsPerSecond / i.rawInsert.rowsPerSecond)}** | ${pct(i.rowsPerSecond / indexed.rowsPerSecond)} |`);
  }
  out.push('');
  const imports = result.engines.filter((e) => e.import);
  if (imports.length > 0) {
    out.push('Where the time goes: each part timed on its own over all rows (one pass), then multiplied by how often the import does it. "by difference" rows are what is left of a measured phase.', '');
    out.push(`| part | times per import | ${imports.map((e) => `${ENGINE_NAMES[e.engine]} ms | share`).join(' | ')} |`);
    out.push(`|---|---:|${imports.map(() => '---:|---:').join('|')}|`);
    const rows: [string, number, (e: MemberEngineResult) => number][] = [
      ['package checks (zip directory, inflate guard, row count)', 1, (e) => e.import!.packageMs],
      ['exceljs reading the sheet (stream, XML, shared strings, toRawCell)', 1, (e) => e.import!.parts.read],
      ['row checks (labels, dates, checkMemberFields, ID check digit, blind index of the ID)', 1, (e) => e.import!.parts.rowChecks],
      ['spill writes and file-wide checks: duplicates and database lookups (by difference)', 1, (e) => e.import!.parts.fileChecks],
      ['reading the checked rows back from the encrypted spill', 1, (e) => e.import!.parts.spillRead],
      ['newMemberRow (all of it)', 1, (e) => e.import!.parts.rowBuild],
      ['  of which AES-256-GCM encryption (ID + phone)', 1, (e) => e.import!.parts.encrypt],
      ['  of which HMAC blind indexes (ID + phone)', 1, (e) => e.import!.parts.blindIndex],
      ['  of which pinyin (pinyin-pro, uncached, distinct names)', 1, (e) => e.import!.parts.pinyin],
      ['Kysely building + compiling 200 INSERTs of 500 rows', 1, (e) => e.import!.parts.compile],
      ['executing those INSERTs (engine + driver) = raw baseline', 1, (e) => e.import!.parts.execute],
      ['rest of phase 2: counters, audit, commit, plumbing (by difference)', 1, (e) => e.import!.parts.insertRest],
    ];
    for (const [label, times, value] of rows) {
      out.push(`| ${label.replace(/^ {2}/, '&nbsp;&nbsp;')} | ${times}× | ${imports.map((e) => `${int(value(e) * times)} | ${pct((value(e) * times) / e.import!.totalMs)}`).join(' | ')} |`);
    }
    out.push(`| **import total (measured)** | | ${imports.map((e) => `**${int(e.import!.totalMs)}** | 100%`).join(' | ')} |`);
    out.push('');
    for (const e of imports) {
      const garbled = e.import!.garbledRowsWithoutFix;
      out.push(`- ${ENGINE_NAMES[e.engine]}: exceljs 4.4.0 as shipped garbles ${garbled === 0 ? 'none' : `**${int(garbled)}**`} of these ${int(e.import!.rows)} rows (a UTF-8 character split between two inflated chunks becomes U+FFFD; exceljs issues #2063/#2084/#2316)${garbled === 0 ? '' : ', so without the product\'s fix (src/platform/excel/exceljs-utf8-fix.ts, one streaming TextDecoder per part) it would refuse this valid file'}; the import above reads through that fix.`);
    }
    for (const e of imports) {
      const c = e.import!.counters;
      out.push(`- ${ENGINE_NAMES[e.engine]}: the counter update alone (rolled back): applyToPath once per branch (the import before 12d9f6a), ${int(c.branches)} calls upserting ${int(c.perBranchRows)} counter rows (each ancestor's rows once per branch below it) — **${seconds(c.perBranchMs)}**; applyToPaths (the import now: summed per ancestor first), ${int(c.mergedRows)} distinct rows upserted once — **${seconds(c.mergedMs)}**.`);
    }
    for (const e of imports) {
      out.push(`- ${ENGINE_NAMES[e.engine]}: ${int(e.import!.distinctNames)} distinct names in ${int(e.import!.rows)} rows. The baseline's INSERTs are rolled back, the import's commit 100,000 rows: the commit's flush is inside "rest of phase 2".`);
    }
    out.push('');
  }

  // ---- 3. Member list
  out.push('## 3. Scoped member list', '');
  out.push(`listMembers as the API runs it for a post with the 本级及下级 scope of the organization named (no organization picked, as the page opens), filter sex = ${LIST_FILTER.sex}, age ${LIST_FILTER.ageMin}–${LIST_FILTER.ageMax}, page 1 of ${MEMBER_PAGE_SIZE}, sorted by name (name_initials, name, id) or by birthDate (birth_date, id). "count" and "page" are the two statements listMembers runs, rebuilt from filteredMembers and timed alone. Baseline: the plain SQL of the same answer on the same data (page: the same WHERE, ORDER BY and LIMIT on \`member\`, then joined to \`organization\` for the 20 branch names; count: \`count(*) from member\` with the same WHERE). Milliseconds; median and p95 over up to ${options.iterations} interleaved iterations (time box ${options.maxSecondsPerQuery} s, at least 20; a plan of seconds gets at least 5) after up to ${Math.min(options.warmup, 5)} warm-up ones; ratio = product median ÷ baseline median. Goal: p95 < 100 ms on PostgreSQL.`, '');
  out.push('| engine | post | members in scope | matching | query | sort | product median | product p95 | baseline median | baseline p95 | ratio | n |');
  out.push('|---|---|---:|---:|---|---|---:|---:|---:|---:|---:|---:|');
  for (const e of result.engines) {
    for (const m of e.list.filter((x) => x.experiment === null)) {
      const post = e.posts.find((p) => p.level === m.level)!;
      const goal = e.engine === 'postgres' && m.kind === 'listMembers' && m.product.p95Ms >= 100 ? ' ✗' : '';
      out.push(`| ${ENGINE_NAMES[e.engine]} | ${post.levelLabel} ${post.name} | ${int(post.members)} | ${int(post.matching ?? 0)} | ${KIND_LABELS[m.kind]} | ${m.sort ? SORT_LABELS[m.sort] : '–'} | ${ms(m.product.medianMs)} | ${ms(m.product.p95Ms)}${goal} | ${ms(m.baseline.medianMs)} | ${ms(m.baseline.p95Ms)} | ${ratio(m.ratio)} | ${m.product.iterations} |`);
    }
  }
  out.push('');

  // ---- Experiments
  const experimentNames = [...new Set(result.engines.flatMap((e) => e.experiments.map((x) => x.name)))];
  if (experimentNames.length > 0) {
    out.push('### Candidate indexes (scratch database only)', '');
    out.push('Each candidate is created in the benchmark database (then ANALYZE on PostgreSQL), listMembers and its two statements are measured again unchanged (time box 3 s, at least 10 iterations), and the candidate is undone. "before" is the product median from the table above; "baseline" is the plain SQL measured again with the candidate in place (for the count: the same count without the join to organization).', '');
    for (const e of result.engines) {
      for (const x of e.experiments) out.push(`- ${ENGINE_NAMES[e.engine]} \`${x.name}\`: ${x.description} — created in ${seconds(x.createMs)}${x.bytes === null ? '' : `, ${mb(x.bytes)}`}.`);
    }
    out.push('');
    out.push('| engine | experiment | post | query | sort | before median | product median | product p95 | baseline median | ratio | speed-up |');
    out.push('|---|---|---|---|---|---:|---:|---:|---:|---:|---:|');
    for (const e of result.engines) {
      for (const m of e.list.filter((x) => x.experiment !== null)) {
        const before = e.list.find((b) => b.experiment === null && b.level === m.level && b.kind === m.kind && b.sort === m.sort)!;
        const post = e.posts.find((p) => p.level === m.level)!;
        out.push(`| ${ENGINE_NAMES[e.engine]} | ${m.experiment} | ${post.levelLabel} | ${KIND_LABELS[m.kind]} | ${m.sort ? SORT_LABELS[m.sort] : '–'} | ${ms(before.product.medianMs)} | ${ms(m.product.medianMs)} | ${ms(m.product.p95Ms)} | ${ms(m.baseline.medianMs)} | ${ratio(m.ratio)} | ${ratio(before.product.medianMs / m.product.medianMs)} |`);
      }
    }
    out.push('');
  }

  // ---- 4. Stats
  out.push('## 4. Per-child counts', '');
  out.push('memberStats (the organization and each direct child, read from the member_stat counters) as the post of that organization sees it, against one GROUP BY over the members under it keyed by child path prefix and the counted fields (joined to the branch for its field), folded into the same rows; the run checks that both give the same numbers for every child. Goal: < 50 ms.', '');
  out.push('| engine | post | members | children | memberStats median | memberStats p95 | raw GROUP BY median | raw p95 | ratio | n |');
  out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const e of result.engines) {
    for (const s of e.stats) {
      const post = e.posts.find((p) => p.level === s.level)!;
      out.push(`| ${ENGINE_NAMES[e.engine]} | ${post.levelLabel} ${post.name} | ${int(post.members)} | ${s.children} | ${ms(s.product.medianMs)} | ${ms(s.product.p95Ms)} | ${ms(s.baseline.medianMs)} | ${ms(s.baseline.p95Ms)} | ${ratio(s.ratio)} | ${s.product.iterations} |`);
    }
  }
  out.push('');

  // ---- Plans
  out.push('## Query plans', '');
  out.push('PostgreSQL: EXPLAIN (ANALYZE, BUFFERS) with the real parameters (one execution, warm); SQLite: EXPLAIN QUERY PLAN. Shapes first, then the 市州 and county plans in full; every plan is in members-latest.json.', '');
  out.push('| engine | post | query | sort | baseline plan | product plan |');
  out.push('|---|---|---|---|---|---|');
  for (const e of result.engines) {
    for (const post of e.posts.filter((p) => p.level !== 'province')) {
      for (const [kind, sort] of [['count', null], ['page', 'name'], ['page', 'birthDate']] as const) {
        const shape = (side: 'baseline' | 'product') => planShape(findPlan(e.plans, post.level, kind, sort, side, null)?.lines ?? [], e.engine);
        out.push(`| ${ENGINE_NAMES[e.engine]} | ${post.levelLabel} | ${KIND_LABELS[kind]} | ${sort ?? '–'} | ${shape('baseline')} | ${shape('product')} |`);
      }
    }
    for (const x of e.experiments) {
      for (const post of e.posts.filter((p) => p.level !== 'province')) {
        for (const [kind, sort] of [['count', null], ['page', 'name'], ['page', 'birthDate']] as const) {
          out.push(`| ${ENGINE_NAMES[e.engine]} | ${post.levelLabel} + ${x.name} | ${KIND_LABELS[kind]} | ${sort ?? '–'} | | ${planShape(findPlan(e.plans, post.level, kind, sort, 'product', x.name)?.lines ?? [], e.engine)} |`);
        }
      }
    }
  }
  out.push('');
  for (const e of result.engines) {
    for (const level of ['city', 'county'] as const) {
      for (const p of e.plans.filter((plan) => plan.level === level && plan.experiment === null && ['count', 'page'].includes(plan.kind))) {
        out.push(`${ENGINE_NAMES[e.engine]}, ${LEVEL_LABELS[level]} post, ${p.side} ${KIND_LABELS[p.kind]}${p.sort ? ` by ${p.sort}` : ''}:`);
        out.push('```', p.sql.replace(/\s+/g, ' ').trim(), ...p.lines, '```');
      }
    }
    for (const p of e.plans.filter((plan) => plan.kind.startsWith('stats'))) {
      out.push(`${ENGINE_NAMES[e.engine]}, ${LEVEL_LABELS[p.level]} statistics, ${p.side} (${p.kind}):`);
      out.push('```', p.sql.replace(/\s+/g, ' ').trim(), ...p.lines, '```');
    }
  }
  return out.join('\n');
}

const LEVEL_LABELS: Record<PostLevel, string> = { province: '省级', city: '市州', county: '县级', branch: '团支部' };

function findPlan(plans: MemberPlan[], level: PostLevel, kind: string, sort: string | null, side: 'baseline' | 'product', experiment: string | null): MemberPlan | undefined {
  return plans.find((p) => p.level === level && p.kind === kind && p.sort === sort && p.side === side && p.experiment === experiment);
}

/** The plan's nodes without costs: 'Limit → Sort → Nested Loop → Bitmap Heap Scan on member …'. */
function planShape(lines: string[], engine: 'sqlite' | 'postgres'): string {
  if (lines.length === 0) return '–';
  if (engine === 'sqlite') return lines.map((l) => l.trim()).join(' → ');
  return lines
    .filter((line, i) => i === 0 || line.includes('->'))
    .map((line) => line.replace(/^\s*(->)?\s*/, '').replace(/\s*\(cost=.*$/, '').replace(/\s*\(actual.*$/, ''))
    .join(' → ');
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

function gb(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(2)} GB`;
}
