import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { Kysely } from 'kysely';
import type { Database, PlanTargetRow } from '../../platform/db/schema.ts';
import { AppError, invalidFields } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { findMetric } from './metrics/metric-registry.ts';
import { requireActivePlan, requireOwner, requireTaskView, type TaskView } from './plan-access.ts';
import type { ComparatorCode } from './workplan-enums.ts';

export type TargetInput = {
  label: string;
  value: number;
  unit: string;
  comparator: ComparatorCode;
  metricKey: string | null;
  weight: number;
  confirmed: boolean;
};

function checkMetric(metricKey: string | null, unit: string): void {
  if (metricKey === null) return;
  const metric = findMetric(metricKey);
  if (!metric) throw invalidFields([{ field: 'metricKey', code: 'unknown_metric', message: { zh: '没有这个数据指标', en: 'no such metric' } }]);
  // A rate bound to a count (or the other way round) would compare unlike figures.
  if ((metric.unit === '%') !== (unit === '%')) {
    throw invalidFields([{ field: 'metricKey', code: 'unit_mismatch', message: { zh: `“${metric.zh}”的单位是${metric.unit}，与目标单位${unit}不一致`, en: `the metric is in ${metric.unit}, the target in ${unit}` } }]);
  }
}

async function requireTarget(trx: Kysely<Database>, ctx: ServiceContext, targetId: number): Promise<{ target: PlanTargetRow; view: TaskView }> {
  const target = await trx.selectFrom('plan_target').selectAll().where('id', '=', targetId).executeTakeFirst();
  if (!target) throw new AppError('NOT_FOUND');
  const view = await requireTaskView(trx, ctx.scope, target.task_id);
  requireOwner(view);
  requireActivePlan(view.plan);
  return { target, view };
}

/** 新增指标: a target written by hand. */
export async function addTarget(ctx: ServiceContext, taskId: number, input: TargetInput): Promise<PlanTargetRow> {
  checkMetric(input.metricKey, input.unit);
  return ctx.db.transaction().execute(async (trx) => {
    const view = await requireTaskView(trx, ctx.scope, taskId);
    requireOwner(view);
    requireActivePlan(view.plan);
    const last = await trx.selectFrom('plan_target').select((eb) => eb.fn.max('position').as('p')).where('task_id', '=', taskId).executeTakeFirst();
    const now = new Date().toISOString();
    const row = await trx.insertInto('plan_target').values({
      task_id: taskId, position: Number(last?.p ?? 0) + 1, label: input.label.trim(), source_text: null, value: input.value, unit: input.unit.trim(), comparator: input.comparator,
      status: input.confirmed ? 'confirmed' : 'proposed', origin: 'manual', metric_key: input.metricKey, weight: input.weight, created_at: now, updated_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'workplan.target.create', orgPath: view.plan.org_path, targetType: 'plan_target', targetId: row.id, targetLabel: row.label, after: input });
    return row;
  });
}

/** 确认、修改指标, or bind it to a metric. */
export async function updateTarget(ctx: ServiceContext, targetId: number, changes: Partial<TargetInput>): Promise<PlanTargetRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const { target, view } = await requireTarget(trx, ctx, targetId);
    const unit = changes.unit?.trim() ?? target.unit;
    const metricKey = changes.metricKey === undefined ? target.metric_key : changes.metricKey;
    checkMetric(metricKey, unit);
    if (changes.label !== undefined && changes.label.trim().length === 0) throw invalidFields([{ field: 'label', code: 'required', message: { zh: '请填写指标名称', en: 'enter the target name' } }]);
    const row = await trx.updateTable('plan_target').set({
      label: changes.label?.trim() ?? target.label, value: changes.value ?? target.value, unit, comparator: changes.comparator ?? target.comparator,
      metric_key: metricKey, weight: changes.weight ?? target.weight,
      status: changes.confirmed === undefined ? target.status : changes.confirmed ? 'confirmed' : 'proposed',
      updated_at: new Date().toISOString(),
    }).where('id', '=', targetId).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: changes.confirmed && target.status !== 'confirmed' ? 'workplan.target.confirm' : 'workplan.target.update', orgPath: view.plan.org_path,
      targetType: 'plan_target', targetId, targetLabel: row.label, before: target, after: row,
    });
    return row;
  });
}

/** Drop a target (one found by mistake, or no longer wanted) with its quotas and reported figures. */
export async function deleteTarget(ctx: ServiceContext, targetId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { target, view } = await requireTarget(trx, ctx, targetId);
    await trx.deleteFrom('plan_quota').where('target_id', '=', targetId).execute();
    await trx.deleteFrom('plan_report_figure').where('target_id', '=', targetId).execute();
    await trx.deleteFrom('plan_target').where('id', '=', targetId).execute();
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'workplan.target.delete', orgPath: view.plan.org_path, targetType: 'plan_target', targetId, targetLabel: target.label, before: target });
  });
}
