import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { ApplicantRow } from '../../platform/db/schema.ts';
import { AppError, invalidFields } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { todayInChina } from '../../platform/time/china-date.ts';
import { checkMemberFields } from '../members/member-input.ts';
import { refuseDuplicates } from '../members/member-duplicates.ts';
import { newMemberRow, type NewMemberFields } from '../members/member-row.ts';
import { applyToPath } from '../members/stats/apply-member-stats.ts';
import { contributionOf } from '../members/stats/member-contribution.ts';
import { admissionRefused, factsOf, recordApplicantStep } from './applicant.repository.ts';
import { requireApplicantRecordAccess } from './applicant-record-access.ts';
import { requireDecider } from './step-decider.ts';
import { consumeQuota, takeDevelopmentNumber } from './development-capacity.ts';
import { checkStepFacts, factsAfter, lastDateOf, refuseNotice, refuseOutOfOrder } from './step-checks.ts';
import { ratioForBranch } from './youth-ratio.ts';

/**
 * 第九步 上级团委审批: the committee above the branch approves. The approval counts against the
 * year's quotas, takes the next 团员编号 of the nearest range, and creates the member record (入团
 * in the approval's month) with its counters, all in one transaction. If the new member would take
 * the school's 团青比 over its cap, the first attempt is refused with the figures and a second one
 * with `confirmRatio` goes through, noted in the audit log.
 */
export async function approveApplicant(ctx: ServiceContext, id: number, onDate: string, confirmRatio: boolean): Promise<ApplicantRow> {
  const today = todayInChina();
  return ctx.db.transaction().execute(async (trx) => {
    const applicant = await requireApplicantRecordAccess(trx, ctx, id, 'update');
    const refusal = applicant.is_open !== 1
      ? { code: 'closed', zh: '该入团申请已办结或终止', en: 'the application is closed' }
      : refuseOutOfOrder(applicant.step, 9) ?? refuseNotice(9, onDate, await trx.selectFrom('admission_notice').select(['id', 'kind', 'end_on', 'objections_resolved']).where('applicant_id', '=', id).execute());
    if (refusal) throw admissionRefused(refusal.code, refusal.zh, refusal.en);
    requireDecider(ctx, applicant, 9);
    const facts = factsOf(applicant);
    const problems = checkStepFacts(9, facts, { onDate }, { today, lastDate: lastDateOf(facts), branchMembers: 0, eligibleMemberIds: new Set() });
    if (problems.length > 0) throw invalidFields(problems);
    const branch = await trx.selectFrom('organization').selectAll().where('id', '=', applicant.org_id).executeTakeFirstOrThrow();
    if (branch.status !== 'active') throw admissionRefused('branch_inactive', '该团支部已停用，不能批准入团', 'the branch is no longer active');

    const ratio = await ratioForBranch(trx, branch, 1);
    const overCap = ratio !== null && ratio.percent > ratio.capPercent;
    if (overCap && !confirmRatio) {
      throw new AppError('ADMISSION_RATIO_WARNING', {
        message: {
          zh: `批准后${ratio.orgName}的团青比将为${ratio.percent.toFixed(1)}%，超过上限${ratio.capPercent}%。确需批准的，请确认后再次提交`,
          en: `approving takes the member share of ${ratio.orgName} to ${ratio.percent.toFixed(1)}%, over the ${ratio.capPercent}% cap; confirm to approve anyway`,
        },
        extra: { reason: 'ratio_over_cap', ratio },
      });
    }
    const year = Number(onDate.slice(0, 4));
    await consumeQuota(trx, branch.path, year);
    const developmentNumber = await takeDevelopmentNumber(trx, branch.path, year);

    const profile = JSON.parse(applicant.profile) as { ethnicity: string; occupation: string; educationFullTime: string | null; household: string | null };
    const idNumber = ctx.cipher.decrypt(applicant.id_number_enc);
    const phone = applicant.phone_enc ? ctx.cipher.decrypt(applicant.phone_enc) : null;
    const checked = checkMemberFields({
      name: applicant.name, idType: applicant.id_type, idNumber, birthDate: applicant.id_type === 'resident' ? undefined : applicant.birth_date,
      sex: applicant.id_type === 'resident' ? undefined : applicant.sex, ethnicity: profile.ethnicity, politicalStatus: 'league_member', occupation: profile.occupation,
      educationFullTime: profile.educationFullTime, household: profile.household, phone, joinedLeagueOn: onDate.slice(0, 7), developmentNumber,
    }, null, today);
    await refuseDuplicates(trx, ctx.scope, { idIndex: applicant.id_number_index, developmentNumber, exceptId: null });
    const now = new Date().toISOString();
    const member = await trx.insertInto('member').values(newMemberRow(ctx, branch, checked.fields as NewMemberFields, checked.identity!, now)).returningAll().executeTakeFirstOrThrow();
    await applyToPath(trx, member.org_path, contributionOf(member, branch.industry_category));

    const row = await trx.updateTable('applicant').set({
      step: 9, status: 'admitted', facts: JSON.stringify(factsAfter(9, facts, { onDate }, 0)), member_id: member.id, development_number: developmentNumber,
      approved_year: year, updated_at: now,
    }).where('id', '=', id).where('step', '=', 8).returningAll().executeTakeFirst();
    if (!row) throw new AppError('CONFLICT');
    await recordApplicantStep(trx, ctx.actor, applicant, { step: 9, action: 'complete', onDate, detail: { developmentNumber, memberId: member.id, ratio: ratio ?? undefined, ratioConfirmed: overCap || undefined } });
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'admission.approve', orgPath: applicant.org_path, targetType: 'applicant', targetId: id, targetLabel: applicant.name,
      detail: { memberId: member.id, developmentNumber, onDate, ratioOverCap: overCap ? { percent: ratio!.percent, cap: ratio!.capPercent } : undefined },
    });
    return row;
  });
}
