import ExcelJS from '../../platform/excel/exceljs.ts';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { Database } from '../../platform/db/schema.ts';
import { neutralizeFormula } from '../../platform/excel/neutralize-formula.ts';
import { scopePredicate } from '../../platform/scope/data-scope.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { MetricCache } from './metrics/metric-registry.ts';
import { requirePlanView } from './plan-access.ts';
import { ProgressCalculator, type TargetProgress } from './progress/compute-progress.ts';
import { loadProgressFacts } from './progress/progress-facts.ts';
import { COMPARATORS, TASK_STATES } from './workplan-enums.ts';

const stateLabel = (code: string) => TASK_STATES.find((s) => s.code === code)?.zh ?? code;
const comparatorLabel = (code: string) => COMPARATORS.find((c) => c.code === code)?.zh ?? code;
const text = (value: string | null | undefined) => (value == null ? '' : neutralizeFormula(value));

function describeTargets(targets: { id: number; label: string; value: number; unit: string; comparator: string }[], progress: TargetProgress[]): string {
  return targets.map((t) => {
    const p = progress.find((x) => x.targetId === t.id);
    const now = p?.current == null ? '暂无' : `${p.current}${t.unit}`;
    return `${t.label}：${comparatorLabel(t.comparator)}${t.value}${t.unit}（当前${now}）`;
  }).join('\n');
}

/**
 * 工作台账: the plan as the familiar Excel ledger — one row per task with its departments, targets,
 * due date, assignees, progress and latest report, and a second sheet with each assignment.
 * What the post sees, nothing more; the export is audited.
 */
export async function planLedger(ctx: ServiceContext, planId: number): Promise<{ buffer: Buffer; fileName: string }> {
  const view = await requirePlanView(ctx.db, ctx.scope, planId);
  const { plan } = view;
  const facts = await loadProgressFacts(ctx.db, { ...view, scope: ctx.scope });
  const calculator = new ProgressCalculator(facts, new MetricCache(ctx.db));
  const taskIds = facts.tasks.length ? facts.tasks.map((t) => t.id) : [-1];
  // Only each task's latest report in view is shown: pick its id first instead of reading a year of reports.
  let latestIds = ctx.db.selectFrom('plan_report').select((eb) => eb.fn.max('id').as('id')).where('task_id', 'in', taskIds).groupBy('task_id');
  if (!view.owner) latestIds = latestIds.where(scopePredicate<Database, 'plan_report'>(ctx.scope, { path: 'plan_report.org_path', orgId: 'plan_report.org_id' }));
  const latestReports = ctx.db.selectFrom('plan_report').select(['task_id', 'text', 'period', 'id']).where('id', 'in', latestIds);
  const [sections, departments, cooperating, reports] = await Promise.all([
    ctx.db.selectFrom('plan_section').select(['id', 'ordinal', 'title']).where('plan_id', '=', plan.id).execute(),
    ctx.db.selectFrom('work_department').select(['id', 'name']).where('org_id', '=', plan.org_id).execute(),
    ctx.db.selectFrom('plan_task_department').select(['task_id', 'department_id']).where('task_id', 'in', taskIds).execute(),
    latestReports.orderBy('id').execute(),
  ]);
  const section = new Map(sections.map((s) => [s.id, s]));
  const department = new Map(departments.map((d) => [d.id, d.name]));
  const lastReport = new Map<number, { text: string; period: string }>();
  for (const r of reports) lastReport.set(r.task_id, r);

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('工作台账');
  sheet.columns = [
    { header: '序号', width: 6 }, { header: '板块', width: 18 }, { header: '任务', width: 36 }, { header: '牵头部门', width: 12 }, { header: '配合部门', width: 18 },
    { header: '量化指标', width: 40 }, { header: '完成时限', width: 12 }, { header: '责任单位', width: 24 }, { header: '完成进度(%)', width: 10 },
    { header: '应达进度(%)', width: 10 }, { header: '状态', width: 10 }, { header: '最新进展', width: 48 }, { header: '年终评分', width: 8 }, { header: '评价意见', width: 24 },
  ];
  const assignmentsSheet = workbook.addWorksheet('分解落实');
  assignmentsSheet.columns = [
    { header: '任务', width: 36 }, { header: '承担单位', width: 24 }, { header: '分解指标', width: 36 }, { header: '完成进度(%)', width: 10 },
    { header: '状态', width: 10 }, { header: '最近报送', width: 20 },
  ];
  for (const s of [sheet, assignmentsSheet]) {
    s.getRow(1).font = { bold: true };
    s.views = [{ state: 'frozen', ySplit: 1 }];
  }
  let n = 0;
  for (const task of facts.tasks) {
    const progress = await calculator.task(task);
    const targets = (facts.targetsByTask.get(task.id) ?? []).filter((t) => t.status === 'confirmed').map((t) => ({ id: t.id, label: t.label, value: Number(t.value), unit: t.unit, comparator: t.comparator }));
    const s = section.get(task.section_id);
    const report = lastReport.get(task.id);
    const row = sheet.addRow([
      ++n, text(s ? `${s.ordinal}、${s.title}` : ''), text(task.title), text(task.lead_department_id === null ? '' : department.get(task.lead_department_id)),
      text(cooperating.filter((c) => c.task_id === task.id).map((c) => department.get(c.department_id)).join('、')),
      text(describeTargets(targets, progress.targets)), task.due_on ?? `${plan.year}-12-31`,
      text(progress.units.filter((u) => u.parentAssignmentId === null || !view.owner).map((u) => u.orgName).join('、')),
      progress.percent, progress.expectedPercent, stateLabel(progress.state) + (progress.stale ? '（未按时报送）' : ''),
      text(report ? `${report.period}：${report.text}` : ''), task.evaluation_score ?? '', text(task.evaluation_comment),
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    for (const u of progress.units) {
      assignmentsSheet.addRow([
        text(task.title), text(u.orgName), text(describeTargets(targets, u.targets.filter((t) => t.goal !== null))), u.percent,
        stateLabel(u.state) + (u.stale ? '（未按时报送）' : ''), u.lastReportAt ? u.lastReportAt.slice(0, 10) : '',
      ]).alignment = { vertical: 'top', wrapText: true };
    }
  }
  await ctx.db.transaction().execute((trx) => appendAudit(trx, ctx.auditKey, ctx.actor, {
    action: 'workplan.export', orgPath: plan.org_path, targetType: 'work_plan', targetId: plan.id, targetLabel: plan.title, detail: { tasks: n, owner: view.owner },
  }));
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, fileName: `${plan.title}工作台账.xlsx` };
}
