import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../src/platform/db/connect.ts';
import type { OrganizationRow, PlanAssignmentRow, PlanTargetRow, PlanTaskRow } from '../src/platform/db/schema.ts';
import { systemActor } from '../src/platform/audit/audit-log.ts';
import { DataScope } from '../src/platform/scope/data-scope.ts';
import type { ServiceContext } from '../src/platform/service-context.ts';
import { todayInChina } from '../src/platform/time/china-date.ts';
import { createPlan, planInputFromParse } from '../src/modules/workplan/create-plan.ts';
import { parsePlanDocument } from '../src/modules/workplan/parse/parse-plan-document.ts';
import { assignTask } from '../src/modules/workplan/plan-assignments.ts';
import { createReport } from '../src/modules/workplan/plan-reports.ts';
import { addTarget, updateTarget } from '../src/modules/workplan/plan-targets.ts';
import { summarize, type Timing } from './measure.ts';
import { contextAt, instrumentedDb, type Keys, type StatementKind } from './transfer-phases.ts';
import { yieldToEventLoop } from './yield-to-signals.ts';

/** The Sichuan plan, kept beside the repository rather than in it (as the parser's test reads it). */
export const SEED_PLAN = path.resolve(fileURLToPath(new URL('../', import.meta.url)), '../shared/seed/000_822da9a7e9b50668.txt');

/** The tables the setup writes, counted before and after each phase. */
const PLAN_TABLES = ['work_plan', 'work_department', 'plan_section', 'plan_task', 'plan_task_tag', 'plan_target', 'plan_assignment', 'plan_quota', 'plan_report', 'plan_report_figure'] as const;
type PlanTable = (typeof PLAN_TABLES)[number];

/** One phase of the setup: its service calls, the rows they wrote, how long they took together and one by one. */
export type SetupPhase = {
  name: string;
  calls: number;
  /** Rows the phase added to the work-plan tables (audit entries not included), by table. */
  rows: number;
  rowsByTable: Partial<Record<PlanTable, number>>;
  /** Entries appended to the audit chain. */
  auditEntries: number;
  ms: number;
  rowsPerSecond: number;
  callsPerSecond: number;
  call: Timing;
  /** SQL statements the calls sent (BEGIN/COMMIT not counted), and the same by kind (most time first). */
  statements: number;
  statementKinds: StatementKind[];
  concurrency: number;
};

/** A post: the province's ('all' scope) or a committee's (本级及下级). */
export type Post = { org: OrganizationRow; ctx: ServiceContext };
export type City = Post & { counties: Post[] };

export type WorkplanSetup = {
  year: number;
  planId: number;
  province: Post;
  cities: City[];
  tasks: PlanTaskRow[];
  /** Confirmed targets by task, after binding the metrics. */
  targetsByTask: Map<number, PlanTargetRow[]>;
  /** The extracted % target bound to transfers.graduateRate, and the target added bound to orgs.active. */
  bound: { rateTargetId: number; rateTask: string; orgsTargetId: number; orgsTask: string; orgsValue: number };
  /** Tasks with a count target that got quotas, and that target. */
  quotaTargets: Map<number, number>;
  parse: { sections: number; tasks: number; targets: number; ms: number; bytes: number };
  phases: SetupPhase[];
  assignments: { top: number; county: number; quotas: number };
  reports: { expected: number; figuresExpected: number };
};

/** A unit of the cascade: the assignment of one task to one organization, and the post reporting for it. */
type Unit = { task: PlanTaskRow; assignment: PlanAssignmentRow; post: Post; quotas: Map<number, number> };

const COUNT = (t: PlanTargetRow) => t.unit !== '%';

/**
 * Everything through the services, as the posts would do it over the API: the province imports the
 * seed plan (all targets confirmed), binds the 90 % target to transfers.graduateRate and adds a
 * target bound to orgs.active; assigns every task to the 21 市州 with a quota on its first count
 * target; each 市州 splits every task to its counties (its share split again); then every assigned
 * organization reports monthly for the whole plan year, as its own post.
 */
export async function setUpWorkplan(db: Db, keys: Keys, concurrency: number, log: (line: string) => void): Promise<WorkplanSetup> {
  const counted = instrumentedDb(db);
  const n = (x: number) => x.toLocaleString('en-US');
  // A past year, so that every month of it is a valid period (createReport refuses months after this one).
  const year = Number(todayInChina().slice(0, 4)) - 1;
  const phases: SetupPhase[] = [];
  const phase = async <T>(name: string, items: readonly T[], inFlight: number, call: (item: T) => Promise<void>) => {
    log(`${db.engine}: ${name} — ${n(items.length)} calls, ${inFlight} at a time`);
    const result = await runSetupPhase(db, name, items, inFlight, counted, call, log);
    log(`${db.engine}: ${name} — ${(result.ms / 1000).toFixed(1)} s, ${n(result.rows)} rows (${n(Math.round(result.rowsPerSecond))} rows/s), ${n(Math.round(result.callsPerSecond))} calls/s, call median ${result.call.medianMs.toFixed(2)} ms`);
    phases.push(result);
    return result;
  };

  const root = (await db.selectFrom('organization').selectAll().where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow()) as OrganizationRow;
  const province: Post = {
    org: root,
    ctx: { db: counted.db, ...keys, actor: { ...systemActor, username: 'bench', postLabel: `${root.name} 省级管理员` }, scope: DataScope.forPost({ kind: 'all', orgId: root.id, orgPath: root.path, userId: 0 }) },
  };
  const cityRows = (await db.selectFrom('organization').selectAll().where('parent_id', '=', root.id).where('type', '=', 'leading_body').orderBy('id').execute()) as OrganizationRow[];
  const countyRows = (await db.selectFrom('organization').selectAll().where('parent_id', 'in', cityRows.map((c) => c.id)).where('type', '=', 'leading_body').orderBy('id').execute()) as OrganizationRow[];
  const postAt = (org: OrganizationRow): Post => ({ org, ctx: contextAt(counted.db, keys, org, `${org.name} 团委管理员`) });
  const cities: City[] = cityRows.map((org) => ({ ...postAt(org), counties: countyRows.filter((c) => c.parent_id === org.id).map(postAt) }));
  if (cities.length !== 21 || countyRows.length !== 183) log(`${db.engine}: note — the tree has ${cities.length} 市州 and ${countyRows.length} counties (Sichuan: 21 and 183)`);

  // 1. Import: parse the document, then createPlan with every target confirmed.
  const bytes = await readFile(SEED_PLAN);
  const parseStarted = performance.now();
  const parsed = await parsePlanDocument(bytes, path.basename(SEED_PLAN));
  const parseMs = performance.now() - parseStarted;
  const input = planInputFromParse(parsed, { orgId: root.id, year, sourceName: '共青团四川省委2021年工作要点.txt' });
  for (const s of input.sections) for (const i of s.items) for (const t of i.targets) t.confirmed = true;
  let planId = 0;
  await phase('import (createPlan)', [input], 1, async (x) => {
    planId = (await createPlan(province.ctx, x)).id;
  });
  const tasks = await db.selectFrom('plan_task').selectAll().where('plan_id', '=', planId).orderBy('section_id').orderBy('position').execute();
  const extracted = await db.selectFrom('plan_target').selectAll().where('task_id', 'in', tasks.map((t) => t.id)).orderBy('task_id').orderBy('position').execute();

  // 2. Metrics: the 90 % target to the graduate transfer rate, and a new 团组织数 target on a task without targets.
  const rate = extracted.find((t) => t.unit === '%');
  if (!rate) throw new Error('the seed plan has no % target to bind to transfers.graduateRate');
  const withTargets = new Set(extracted.map((t) => t.task_id));
  const orgsTask = tasks.find((t) => t.title.includes('基层团组织规范化') && !withTargets.has(t.id)) ?? tasks.find((t) => !withTargets.has(t.id))!;
  const activeOrgs = Number((await db.selectFrom('organization').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'active').executeTakeFirstOrThrow()).n);
  // A growth target over today's tree, so that it is not already met.
  const orgsValue = Math.ceil((activeOrgs * 1.05) / 100) * 100;
  let orgsTargetId = 0;
  await phase('bind metrics (updateTarget, addTarget)', ['rate', 'orgs'] as const, 1, async (which) => {
    if (which === 'rate') await updateTarget(province.ctx, rate.id, { label: '毕业生团员组织关系转接率', metricKey: 'transfers.graduateRate' });
    else orgsTargetId = (await addTarget(province.ctx, orgsTask.id, { label: '团组织数', value: orgsValue, unit: '个', comparator: '>=', metricKey: 'orgs.active', weight: 1, confirmed: true })).id;
  });
  const targets = await db.selectFrom('plan_target').selectAll().where('task_id', 'in', tasks.map((t) => t.id)).where('status', '=', 'confirmed').orderBy('task_id').orderBy('position').execute();
  const targetsByTask = new Map<number, PlanTargetRow[]>();
  for (const t of targets) targetsByTask.set(t.task_id, [...(targetsByTask.get(t.task_id) ?? []), t]);
  const quotaTargets = new Map<number, number>();
  for (const task of tasks) {
    const first = (targetsByTask.get(task.id) ?? []).find(COUNT);
    if (first) quotaTargets.set(task.id, first.id);
  }
  const targetValue = new Map(targets.map((t) => [t.id, Number(t.value)]));

  // 3. The province assigns every task to all 市州, with an even share of the first count target.
  const units: Unit[] = [];
  const cityUnits = new Map<string, Unit>();
  await phase('assign to 市州 (assignTask)', tasks, 1, async (task) => {
    const targetId = quotaTargets.get(task.id);
    const quota = targetId === undefined ? null : Math.ceil(targetValue.get(targetId)! / cities.length);
    const rows = await assignTask(province.ctx, task.id, {
      parentAssignmentId: null, orgIds: cities.map((c) => c.org.id), note: '按市州平均分解',
      quotas: quota === null ? [] : cities.map((c) => ({ orgId: c.org.id, targetId: targetId!, quota })),
    });
    for (const row of rows) {
      const city = cities.find((c) => c.org.id === row.org_id)!;
      const unit: Unit = { task, assignment: row, post: city, quotas: new Map(quota === null ? [] : [[targetId!, quota]]) };
      units.push(unit);
      cityUnits.set(`${task.id}:${city.org.id}`, unit);
    }
  });

  // 4. Each 市州 splits every task to its counties, its own share split evenly again.
  const splits = cities.filter((c) => c.counties.length > 0).flatMap((city) => tasks.map((task) => ({ city, task })));
  await phase('split to counties (assignTask)', splits, concurrency, async ({ city, task }) => {
    const parent = cityUnits.get(`${task.id}:${city.org.id}`)!;
    const targetId = quotaTargets.get(task.id);
    const quota = targetId === undefined ? null : Math.ceil(parent.quotas.get(targetId)! / city.counties.length);
    const rows = await assignTask(city.ctx, task.id, {
      parentAssignmentId: parent.assignment.id, orgIds: city.counties.map((c) => c.org.id), note: null,
      quotas: quota === null ? [] : city.counties.map((c) => ({ orgId: c.org.id, targetId: targetId!, quota })),
    });
    for (const row of rows) units.push({ task, assignment: row, post: city.counties.find((c) => c.org.id === row.org_id)!, quotas: new Map(quota === null ? [] : [[targetId!, quota]]) });
  });
  units.sort((a, b) => a.assignment.id - b.assignment.id);

  // 5. A year of monthly reports: every assigned organization, every task, every month, as its own post.
  const reporting = (task: PlanTaskRow) => (targetsByTask.get(task.id) ?? []).filter((t) => t.metric_key === null);
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const calls = months.flatMap((month) => units.map((unit) => ({ month, unit })));
  await phase('monthly reports (createReport)', calls, concurrency, async ({ month, unit }) => {
    const { task, assignment, post } = unit;
    // A steady climb towards the unit's goal, faster or slower by organization; cumulative within the year.
    const pace = 0.6 + ((assignment.org_id * 7 + task.id) % 7) / 10;
    const share = (month / 12) * pace;
    await createReport(post.ctx, task.id, {
      orgId: assignment.org_id, departmentId: null, kind: 'monthly', period: `${year}-${String(month).padStart(2, '0')}`,
      text: `${month}月：${post.org.name}按计划推进“${task.title.slice(0, 40)}”，本月工作已完成并报送。`,
      percent: Math.min(100, Math.round(share * 100)),
      figures: reporting(task).map((t) => {
        const goal = unit.quotas.get(t.id) ?? (COUNT(t) ? Math.max(1, Math.ceil(Number(t.value) / cities.length)) : Number(t.value));
        return { targetId: t.id, value: COUNT(t) ? Math.round(goal * share) : Math.min(100, Math.round(Number(t.value) * share)) };
      }),
      attachmentIds: [],
    });
  });

  const quotas = phases.filter((p) => p.name.startsWith('assign') || p.name.startsWith('split')).reduce((s, p) => s + (p.rowsByTable.plan_quota ?? 0), 0);
  return {
    year, planId, province, cities, tasks, targetsByTask, quotaTargets,
    bound: { rateTargetId: rate.id, rateTask: tasks.find((t) => t.id === rate.task_id)!.title, orgsTargetId, orgsTask: orgsTask.title, orgsValue },
    parse: { sections: parsed.sections.length, tasks: parsed.sections.reduce((s, x) => s + x.items.length, 0), targets: extracted.length, ms: parseMs, bytes: bytes.length },
    phases,
    assignments: { top: units.filter((u) => u.assignment.parent_id === null).length, county: units.filter((u) => u.assignment.parent_id !== null).length, quotas },
    reports: { expected: calls.length, figuresExpected: calls.reduce((s, c) => s + reporting(c.unit.task).length, 0) },
  };
}

async function tableCounts(db: Db): Promise<Record<PlanTable | 'audit_log', number>> {
  const counts = {} as Record<PlanTable | 'audit_log', number>;
  for (const table of [...PLAN_TABLES, 'audit_log'] as const) {
    counts[table] = Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  }
  return counts;
}

/**
 * One service call per item, `concurrency` at a time (each worker takes the next item when its
 * call has answered); the phase and every call are timed, the rows it wrote counted from the
 * tables before and after. The run fails on the first error.
 */
async function runSetupPhase<T>(
  db: Db,
  name: string,
  items: readonly T[],
  concurrency: number,
  counter: { take(): StatementKind[] },
  call: (item: T) => Promise<void>,
  log: (line: string) => void,
): Promise<SetupPhase> {
  const before = await tableCounts(db);
  counter.take();
  const latencies: number[] = [];
  let next = 0;
  let failed: unknown = null;
  const started = performance.now();
  let reportedAt = started;
  const worker = async () => {
    while (failed === null && next < items.length) {
      const item = items[next++]!;
      const callStarted = performance.now();
      try {
        await call(item);
      } catch (error) {
        failed ??= error;
        return;
      }
      const now = performance.now();
      latencies.push(now - callStarted);
      if (now - reportedAt > 15_000) {
        reportedAt = now;
        log(`  ${name}: ${latencies.length.toLocaleString('en-US')} / ${items.length.toLocaleString('en-US')} calls, ${Math.round(latencies.length / ((now - started) / 1000)).toLocaleString('en-US')} calls/s`);
      }
      // better-sqlite3 answers synchronously: without this a phase of minutes would not see Ctrl-C.
      await yieldToEventLoop();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (failed !== null) throw failed;
  const ms = performance.now() - started;
  const statementKinds = counter.take();
  const after = await tableCounts(db);
  const rowsByTable: Partial<Record<PlanTable, number>> = {};
  for (const table of PLAN_TABLES) if (after[table] !== before[table]) rowsByTable[table] = after[table] - before[table];
  const rows = Object.values(rowsByTable).reduce((s, x) => s + x, 0);
  return {
    name, calls: items.length, rows, rowsByTable, auditEntries: after.audit_log - before.audit_log, ms,
    rowsPerSecond: rows / (ms / 1000), callsPerSecond: items.length / (ms / 1000), call: summarize(latencies),
    statements: statementKinds.reduce((sum, k) => sum + k.count, 0), statementKinds, concurrency: Math.min(concurrency, items.length),
  };
}
