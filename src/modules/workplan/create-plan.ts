import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { WorkPlanRow } from '../../platform/db/schema.ts';
import { AppError, invalidFields, type FieldError } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { requireOrgsInScope } from '../org/org.repository.ts';
import { ensureDepartments } from './departments.ts';
import type { PlanParse } from './parse/plan-parse.types.ts';
import type { ComparatorCode } from './workplan-enums.ts';

/** A target as the importer confirms it: kept targets become indicators, confirmed or still to confirm. */
export type NewTargetInput = { value: number; unit: string; comparator: ComparatorCode; text: string; confirmed: boolean };
export type NewItemInput = { title: string; body: string; tags: string[]; targets: NewTargetInput[] };
export type NewPlanInput = {
  orgId: number;
  year: number;
  title: string;
  generalIdea: string;
  sourceName: string | null;
  sections: { ordinal: string; title: string; items: NewItemInput[] }[];
};

/** The whole parse as a new plan, every target still to be confirmed (what the command line imports). */
export function planInputFromParse(parse: PlanParse, input: { orgId: number; year: number; sourceName: string | null }): NewPlanInput {
  return {
    ...input, title: parse.title, generalIdea: parse.generalIdea,
    sections: parse.sections.map((s) => ({
      ordinal: s.ordinal, title: s.title,
      items: s.items.map((i) => ({ title: i.title, body: i.body, tags: i.tags, targets: i.targets.map((t) => ({ ...t, confirmed: false })) })),
    })),
  };
}

function checkPlan(input: NewPlanInput): void {
  const problems: FieldError[] = [];
  if (input.title.trim().length === 0) problems.push({ field: 'title', code: 'required', message: { zh: '请填写工作要点标题', en: 'enter the plan title' } });
  if (input.sections.length === 0 || input.sections.every((s) => s.items.length === 0)) {
    problems.push({ field: 'sections', code: 'empty', message: { zh: '没有识别出任何板块和任务，请检查文件是否为工作要点（板块以“一、”开头，任务以“——”开头）', en: 'no sections or tasks were found; sections start with "一、" and tasks with "——"' } });
  }
  input.sections.forEach((s, si) => {
    if (s.title.trim().length === 0) problems.push({ field: `sections[${si}].title`, code: 'required', message: { zh: `第${si + 1}个板块缺少标题`, en: `section ${si + 1} has no title` } });
    s.items.forEach((item, ii) => {
      if (item.title.trim().length === 0) problems.push({ field: `sections[${si}].items[${ii}].title`, code: 'required', message: { zh: `第${si + 1}个板块第${ii + 1}项任务缺少标题`, en: `task ${ii + 1} of section ${si + 1} has no title` } });
      item.targets.forEach((t, ti) => {
        if (!Number.isFinite(t.value) || t.value < 0) problems.push({ field: `sections[${si}].items[${ii}].targets[${ti}].value`, code: 'invalid', message: { zh: '目标值须为非负数', en: 'the target value must be a non-negative number' } });
        if (t.unit.trim().length === 0) problems.push({ field: `sections[${si}].items[${ii}].targets[${ti}].unit`, code: 'required', message: { zh: '请填写目标单位', en: 'enter the unit' } });
      });
    });
  });
  if (problems.length > 0) throw invalidFields(problems);
}

/**
 * 导入工作要点: the plan, its sections, one task per item with its tags, and the targets found in
 * it, in one transaction. One plan per committee and year; the committee gets the default
 * departments the first time.
 */
export async function createPlan(ctx: ServiceContext, input: NewPlanInput): Promise<WorkPlanRow> {
  checkPlan(input);
  return ctx.db.transaction().execute(async (trx) => {
    const org = (await requireOrgsInScope(trx, ctx.scope, [input.orgId])).get(input.orgId)!;
    if (org.type === 'branch') throw invalidFields([{ field: 'orgId', code: 'not_a_committee', message: { zh: '工作要点由团委制定，请选择团委', en: 'plans belong to committees, not branches' } }]);
    const existing = await trx.selectFrom('work_plan').select('id').where('org_id', '=', org.id).where('year', '=', input.year).executeTakeFirst();
    if (existing) throw new AppError('CONFLICT', { message: { zh: `${org.name}已有${input.year}年工作要点；如需重新导入，请先删除原工作要点`, en: `${org.name} already has a plan for ${input.year}; delete it first to import again` }, extra: { planId: existing.id } });
    await ensureDepartments(trx, org.id);
    const now = new Date().toISOString();
    const plan = await trx.insertInto('work_plan').values({
      org_id: org.id, org_path: org.path, year: input.year, title: input.title.trim(), general_idea: input.generalIdea.trim(), source_name: input.sourceName,
      status: 'active', created_by: ctx.actor.username, created_at: now, updated_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    let tasks = 0;
    let targets = 0;
    for (const [si, s] of input.sections.entries()) {
      const section = await trx.insertInto('plan_section').values({ plan_id: plan.id, position: si + 1, ordinal: s.ordinal, title: s.title.trim(), weight: 1 }).returning('id').executeTakeFirstOrThrow();
      for (const [ii, item] of s.items.entries()) {
        const task = await trx.insertInto('plan_task').values({
          plan_id: plan.id, section_id: section.id, position: ii + 1, title: item.title.trim(), body: item.body.trim(), weight: 1, due_on: null, lead_department_id: null,
          evaluation_score: null, evaluation_comment: null, evaluated_by: null, evaluated_at: null, created_at: now, updated_at: now,
        }).returning('id').executeTakeFirstOrThrow();
        tasks++;
        const tags = [...new Set(item.tags.map((t) => t.trim()).filter((t) => t.length > 0))];
        if (tags.length > 0) await trx.insertInto('plan_task_tag').values(tags.map((tag) => ({ task_id: task.id, tag }))).execute();
        if (item.targets.length > 0) {
          await trx.insertInto('plan_target').values(item.targets.map((t, ti) => ({
            task_id: task.id, position: ti + 1, label: t.text.trim(), source_text: t.text, value: t.value, unit: t.unit.trim(), comparator: t.comparator,
            status: t.confirmed ? 'confirmed' : 'proposed', origin: 'extracted', metric_key: null, weight: 1, created_at: now, updated_at: now,
          }))).execute();
          targets += item.targets.length;
        }
      }
    }
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'workplan.create', orgPath: org.path, targetType: 'work_plan', targetId: plan.id, targetLabel: plan.title,
      detail: { year: input.year, sections: input.sections.length, tasks, targets, source: input.sourceName },
    });
    return plan;
  });
}
