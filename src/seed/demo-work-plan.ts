import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { ServiceContext } from '../platform/service-context.ts';
import { todayInChina } from '../platform/time/china-date.ts';
import { monthInChina } from '../platform/time/months.ts';
import { createPlan, planInputFromParse } from '../modules/workplan/create-plan.ts';
import { updateTask } from '../modules/workplan/edit-task.ts';
import { assignTask } from '../modules/workplan/plan-assignments.ts';
import { addMilestone } from '../modules/workplan/plan-milestones.ts';
import { addRemark } from '../modules/workplan/plan-remarks.ts';
import { createReport } from '../modules/workplan/plan-reports.ts';
import { updateTarget } from '../modules/workplan/plan-targets.ts';
import { parsePlanDocument } from '../modules/workplan/parse/parse-plan-document.ts';

const PLAN_FILE = new URL('./assets/demo-work-plan.txt', import.meta.url);

/** Who leads each demo task, by a word of its title. */
const LEADS: [string, string][] = [
  ['大学习', '宣传部'], ['宣讲', '宣传部'], ['宣传阵地', '宣传部'], ['见习', '青年发展部'], ['志愿', '社会联络部'],
  ['转接', '组织部'], ['规范化', '组织部'], ['新兴领域', '组织部'], ['发展团员', '组织部'],
];

/**
 * The demo's 工作要点 for this year, written for the demo (not a real committee's plan): imported
 * through the parser like an upload, targets confirmed, departments set, two indicators bound to
 * live figures, one task cascaded to three cities with quotas and on to two counties, a few
 * reports, a milestone, an overdue task and an open reminder.
 */
export async function seedDemoWorkPlan(db: Kysely<Database>, province: ServiceContext, cityCtx: (name: string) => Promise<ServiceContext>): Promise<void> {
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const month = monthInChina();
  const root = await db.selectFrom('organization').selectAll().where('parent_id', 'is', null).executeTakeFirstOrThrow();
  const parse = await parsePlanDocument(await readFile(PLAN_FILE), 'demo-work-plan.txt');
  const input = planInputFromParse(parse, { orgId: root.id, year, sourceName: '演示工作要点.txt' });
  for (const s of input.sections) for (const i of s.items) for (const t of i.targets) t.confirmed = true;
  const plan = await createPlan(province, input);

  const tasks = await db.selectFrom('plan_task').selectAll().where('plan_id', '=', plan.id).orderBy('section_id').orderBy('position').execute();
  const departments = new Map((await db.selectFrom('work_department').select(['id', 'name']).where('org_id', '=', root.id).execute()).map((d) => [d.name, d.id]));
  const task = (word: string) => tasks.find((t) => t.title.includes(word))!;
  for (const t of tasks) {
    const lead = LEADS.find(([word]) => t.title.includes(word))?.[1];
    if (lead) await updateTask(province, t.id, { leadDepartmentId: departments.get(lead)!, cooperatingDepartmentIds: lead === '组织部' ? [] : [departments.get('组织部')!] });
  }
  const targets = await db.selectFrom('plan_target').selectAll().where('task_id', 'in', tasks.map((t) => t.id)).execute();
  const targetOf = (taskWord: string, unit: string) => targets.find((x) => x.task_id === task(taskWord).id && x.unit === unit)!;

  // Figures the system already holds are never typed in again.
  await updateTarget(province, targetOf('转接', '%').id, { label: '毕业生团员组织关系转接率', metricKey: 'transfers.graduateRate' });
  await updateTarget(province, targetOf('发展团员', '名').id, { label: '全年发展团员数', metricKey: 'admission.admitted' });

  // 青春宣讲 cascaded to three cities with quotas of the 300 场次; 成都 passes its share on to two counties.
  const lecture = task('宣讲');
  const sessions = targetOf('宣讲', '场次');
  const cityIds = await Promise.all(['共青团成都市委', '共青团绵阳市委', '共青团凉山彝族自治州委'].map(async (name) => (await db.selectFrom('organization').select('id').where('name', '=', name).executeTakeFirst())?.id));
  const [chengdu, mianyang, liangshan] = cityIds;
  if (chengdu === undefined || mianyang === undefined || liangshan === undefined) return;
  await assignTask(province, lecture.id, {
    parentAssignmentId: null, orgIds: [chengdu, mianyang, liangshan], note: '按青年人口比例分解',
    quotas: [{ orgId: chengdu, targetId: sessions.id, quota: 120 }, { orgId: mianyang, targetId: sessions.id, quota: 60 }, { orgId: liangshan, targetId: sessions.id, quota: 40 }],
  });
  const cityAssignment = await db.selectFrom('plan_assignment').select('id').where('task_id', '=', lecture.id).where('org_id', '=', chengdu).executeTakeFirstOrThrow();
  const chengduCtx = await cityCtx('共青团成都市委');
  const [wuhou, pidu] = await Promise.all(['共青团武侯区委', '共青团郫都区委'].map(async (name) => (await db.selectFrom('organization').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id));
  await assignTask(chengduCtx, lecture.id, { parentAssignmentId: cityAssignment.id, orgIds: [wuhou!, pidu!], note: null, quotas: [{ orgId: wuhou!, targetId: sessions.id, quota: 40 }, { orgId: pidu!, targetId: sessions.id, quota: 30 }] });
  await createReport(await cityCtx('共青团武侯区委'), lecture.id, {
    orgId: wuhou!, departmentId: null, kind: 'monthly', period: month, text: '在辖区中学和社区开展青春宣讲，青年宣讲员队伍扩充到26人。', percent: null,
    figures: [{ targetId: sessions.id, value: 18 }], attachmentIds: [],
  });
  await createReport(chengduCtx, lecture.id, {
    orgId: chengdu, departmentId: null, kind: 'monthly', period: month, text: '全市累计开展宣讲，其中进企业专场占三成。', percent: null,
    figures: [{ targetId: sessions.id, value: 52 }], attachmentIds: [],
  });
  await addRemark(province, lecture.id, { kind: 'reminder', orgId: mianyang, text: '本月进展尚未报送，请于月底前报送宣讲场次。' });

  // The committee's own reports, a milestone, and a task whose date has passed.
  const study = task('大学习');
  await createReport(province, study.id, {
    orgId: root.id, departmentId: departments.get('宣传部')!, kind: 'monthly', period: month, text: '各市州按季度开展集中学习，参学覆盖面稳步提升。', percent: null,
    figures: [{ targetId: targetOf('大学习', '次').id, value: 1 }, { targetId: targetOf('大学习', '%').id, value: 78 }], attachmentIds: [],
  });
  const internship = task('见习');
  await addMilestone(province, internship.id, { title: '与人社部门联合发布见习岗位', dueOn: `${year}-03-31` });
  await createReport(province, internship.id, {
    orgId: root.id, departmentId: departments.get('青年发展部')!, kind: 'event', period: month, text: '已募集见习岗位，正在组织线上对接会。', percent: null,
    figures: [{ targetId: targetOf('见习', '个').id, value: 2150 }], attachmentIds: [],
  });
  const online = task('宣传阵地');
  const halfYear = `${year}-06-30`;
  if (halfYear < today) await updateTask(province, online.id, { dueOn: halfYear });
}
