import type { Kysely } from 'kysely';
import { systemActor } from '../platform/audit/audit-log.ts';
import type { Database } from '../platform/db/schema.ts';
import type { BlindIndex } from '../platform/pii/blind-index.ts';
import type { FieldCipher } from '../platform/pii/field-cipher.ts';
import { DataScope } from '../platform/scope/data-scope.ts';
import type { ServiceContext } from '../platform/service-context.ts';
import { todayInChina } from '../platform/time/china-date.ts';
import { createApplicant } from '../modules/admission/create-applicant.ts';
import { addNotice } from '../modules/admission/admission-notices.ts';
import { completeStep } from '../modules/admission/complete-step.ts';
import { issueNumberRange, setQuota } from '../modules/admission/development-plan.ts';
import { makeResidentId } from '../modules/members/resident-id.ts';
import { openCycle } from '../modules/evaluations/evaluation-cycles.ts';
import { assignGraduates } from '../modules/transfers/assign-graduates.ts';
import { decideTransfer } from '../modules/transfers/decide-transfer.ts';
import { openGraduateBatch } from '../modules/transfers/graduate-batches.ts';
import { startTransfer } from '../modules/transfers/start-transfer.ts';
import { DEMO_COUNTIES } from './demo-province.ts';
import { seedDemoWorkPlan } from './demo-work-plan.ts';
import { seedDemoMinors } from './demo-minors.ts';

const plus = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Work under way in the demo, written through the same services a user's clicks go through: the
 * year's admission quotas and 团员编号 ranges down to the demo counties, applicants at several of
 * the ten steps in the demo branch, transfers from 武侯区 to 郫都区 at different stages, a graduate
 * batch, and this year's registration and evaluation opened. Runs after seedDemoProvince.
 */
export async function seedDemoActivity(db: Kysely<Database>, keys: { cipher: FieldCipher; blindIndex: BlindIndex; auditKey: Buffer }): Promise<void> {
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const orgByName = async (name: string) => db.selectFrom('organization').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
  const root = await db.selectFrom('organization').selectAll().where('parent_id', 'is', null).executeTakeFirstOrThrow();
  const actAt = (org: { id: number; path: string }): ServiceContext => ({
    db, ...keys, actor: { ...systemActor, username: 'demo', postLabel: '演示数据' },
    scope: DataScope.forPost({ kind: 'subtree', orgId: org.id, orgPath: org.path, userId: 0 }),
  });
  const province: ServiceContext = { ...actAt(root), scope: DataScope.forPost({ kind: 'all', orgId: root.id, orgPath: root.path, userId: 0 }) };

  // 发展计划 and 号段: the province, the cities of the demo counties, the counties.
  await setQuota(province, { year, orgId: root.id, quota: 60_000 });
  await issueNumberRange(province, { year, orgId: root.id, size: 2_000_000 });
  const counties = await db.selectFrom('organization').selectAll().where('region_code', 'in', [...DEMO_COUNTIES]).where('type', '=', 'leading_body').execute();
  for (const cityId of [...new Set(counties.map((c) => c.parent_id!))]) {
    await setQuota(province, { year, orgId: cityId, quota: 4_000 });
    await issueNumberRange(province, { year, orgId: cityId, size: 50_000 });
  }
  for (const county of counties) {
    await setQuota(province, { year, orgId: county.id, quota: 300 });
    await issueNumberRange(province, { year, orgId: county.id, size: 2_000 });
  }

  // 团员发展 in the demo secretary's branch: the first branch written under 武侯区.
  const wuhou = await orgByName('共青团武侯区委');
  const branch = await db.selectFrom('organization').selectAll().where('type', '=', 'branch').where('path', 'like', `${wuhou.path}%`).orderBy('id').executeTakeFirstOrThrow();
  const county = actAt(wuhou);
  const members = (await db.selectFrom('member').select('id').where('org_id', '=', branch.id).where('status', '=', 'normal').orderBy('id').execute()).map((m) => m.id);
  const start = plus(today, -190);
  const day = { activist: plus(start, 8), training: plus(start, 20), contacts: plus(start, 25), observation: plus(start, 105), candidate: plus(start, 115), preReview: plus(start, 125), vote: plus(start, 135) };
  const applicants = [
    { name: '王思远', upTo: 1 }, { name: '李欣怡', upTo: 3 }, { name: '张子涵', upTo: 6 }, { name: '陈浩然', upTo: 8 },
  ];
  for (const [i, a] of applicants.entries()) {
    const { id } = await createApplicant(county, {
      orgId: branch.id, name: a.name, idType: 'resident', idNumber: makeResidentId('510107', `2009-0${i + 3}-1${i}`, 700 + i, i % 2 ? 'female' : 'male'),
      ethnicity: '01', occupation: 'student', source: i === 0 ? 'pioneer_recommendation' : 'points', score: 80 + i * 4, appliedOn: start,
    });
    for (let step = 2; step <= a.upTo; step++) {
      if (step === 2) await addNotice(county, id, { kind: 'activist', startOn: plus(start, 1), endOn: plus(start, 5) });
      if (step === 6) await addNotice(county, id, { kind: 'candidate', startOn: plus(start, 106), endOn: plus(start, 110) });
      const input = {
        2: { onDate: day.activist }, 3: { onDate: day.training, trainingHours: 8 }, 4: { onDate: day.contacts, contactMemberIds: members.slice(0, 2) },
        5: { onDate: day.observation, observationReport: '学习认真，积极参加社区志愿服务和团的活动，群众评价良好。' }, 6: { onDate: day.candidate },
        7: { onDate: day.preReview, sponsorMemberIds: members.slice(1, 3) },
        8: { onDate: day.vote, vote: { present: members.length, inFavour: members.length, against: 0, abstain: 0 } },
      }[step]!;
      await completeStep(county, id, step, input);
    }
    if (a.upTo === 8) await addNotice(county, id, { kind: 'new_member', startOn: plus(start, 136), endOn: plus(start, 142) });
  }

  // 组织关系转接 from 武侯区 to 郫都区: one waiting at the street committee, one returned, one done.
  const pidu = await orgByName('共青团郫都区委');
  const target = await db.selectFrom('organization').selectAll().where('type', '=', 'branch').where('kind', '=', 'normal').where('path', 'like', `${pidu.path}%`).orderBy('id').executeTakeFirstOrThrow();
  const movers = members.slice(-3);
  const branchCtx = actAt(branch);
  const waiting = await startTransfer(branchCtx, movers[0]!, { scopeKind: 'within', reason: 'employment', toOrgId: target.id });
  const returned = await startTransfer(branchCtx, movers[1]!, { scopeKind: 'within', reason: 'employment', toOrgId: target.id });
  await decideTransfer(county, returned.id, 'return', '请补充劳动合同或单位接收证明');
  let done = await startTransfer(branchCtx, movers[2]!, { scopeKind: 'within', reason: 'further_study', toOrgId: target.id });
  while (done.status === 'pending') done = await decideTransfer(province, done.id, 'approve', null);
  void waiting;

  // 毕业生批次 of the 武侯区 school: two placed, the rest still to arrange.
  const graduateBranch = await db.selectFrom('organization').selectAll().where('kind', '=', 'graduate').where('path', 'like', `${wuhou.path}%`).executeTakeFirst();
  if (graduateBranch) {
    const batch = await openGraduateBatch(county, { schoolOrgId: graduateBranch.parent_id!, year });
    const graduates = await db.selectFrom('graduate_batch_member').select('member_id').where('batch_id', '=', batch.id).orderBy('member_id').limit(2).execute();
    if (graduates.length === 2) {
      await assignGraduates(county, batch.id, [
        { memberId: graduates[0]!.member_id, destination: 'further_study', toOrgId: target.id },
        { memberId: graduates[1]!.member_id, destination: 'abroad' },
      ]);
    }
  }

  // 团籍注册与教育评议 opened for this year in the demo branch.
  await openCycle(branchCtx, { orgId: branch.id, year });

  // 工作要点 of the year, cascaded and partly reported.
  await seedDemoWorkPlan(db, province, async (name) => actAt(await orgByName(name)));

  // 未成年人信息: the demo labels every minor's record and one request to open one waits (demo-minors.ts).
  await seedDemoMinors(db, keys);
}
