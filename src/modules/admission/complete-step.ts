import { appendAudit } from '../../platform/audit/audit-log.ts';
import { AppError, invalidFields } from '../../platform/http/app-error.ts';
import type { ApplicantRow } from '../../platform/db/schema.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { todayInChina } from '../../platform/time/china-date.ts';
import { ADMISSION_STEPS } from './admission-enums.ts';
import { admissionRefused, factsOf, recordApplicantStep } from './applicant.repository.ts';
import { requireApplicantRecordAccess } from './applicant-record-access.ts';
import { approveApplicant } from './approve-applicant.ts';
import { requireDecider } from './step-decider.ts';
import { checkStepFacts, factsAfter, lastDateOf, refuseNotice, refuseOutOfOrder, type StepInput } from './step-checks.ts';

/**
 * Record the next step of an applicant, dated, with what it needs (hours, contacts, the report,
 * sponsors, the ballot). The system refuses a skipped or repeated step, a date before the previous
 * one, a minimum cut short, and a step whose public notice has not run its course. Steps 7 and 9
 * belong to the committee above the branch; step 9 is the approval that makes a member.
 */
export async function completeStep(ctx: ServiceContext, id: number, step: number, input: StepInput & { confirmRatio?: boolean }): Promise<ApplicantRow> {
  if (step === 9) return approveApplicant(ctx, id, input.onDate, input.confirmRatio === true);
  const today = todayInChina();
  return ctx.db.transaction().execute(async (trx) => {
    const applicant = await requireApplicantRecordAccess(trx, ctx, id, 'update');
    const refusal = applicant.is_open !== 1
      ? { code: 'closed', zh: '该入团申请已办结或终止', en: 'the application is closed' }
      : refuseOutOfOrder(applicant.step, step) ?? refuseNotice(step, input.onDate, await trx.selectFrom('admission_notice').select(['id', 'kind', 'end_on', 'objections_resolved']).where('applicant_id', '=', id).execute());
    if (refusal) throw admissionRefused(refusal.code, refusal.zh, refusal.en);
    requireDecider(ctx, applicant, step);
    const members = await trx.selectFrom('member').select('id').where('org_id', '=', applicant.org_id).where('status', '=', 'normal').execute();
    const facts = factsOf(applicant);
    const problems = checkStepFacts(step, facts, input, { today, lastDate: lastDateOf(facts), branchMembers: members.length, eligibleMemberIds: new Set(members.map((m) => m.id)) });
    if (problems.length > 0) throw invalidFields(problems);
    const next = factsAfter(step, facts, input, members.length);
    const row = await trx.updateTable('applicant').set({ step, facts: JSON.stringify(next), updated_at: new Date().toISOString() })
      .where('id', '=', id).where('step', '=', applicant.step).returningAll().executeTakeFirst();
    if (!row) throw new AppError('CONFLICT');
    const detail = { ...input } as Record<string, unknown>;
    delete detail.onDate;
    await recordApplicantStep(trx, ctx.actor, applicant, { step, action: 'complete', onDate: input.onDate, detail });
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'admission.step', orgPath: applicant.org_path, targetType: 'applicant', targetId: id, targetLabel: applicant.name,
      detail: { step, code: ADMISSION_STEPS[step - 1]!.code, onDate: input.onDate },
    });
    return row;
  });
}

/** 终止培养: the application ends without admission, with the reason on record. */
export async function stopApplicant(ctx: ServiceContext, id: number, reason: string): Promise<ApplicantRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const applicant = await requireApplicantRecordAccess(trx, ctx, id, 'update');
    if (applicant.is_open !== 1) throw admissionRefused('closed', '该入团申请已办结或终止', 'the application is closed');
    const row = await trx.updateTable('applicant').set({ status: 'stopped', is_open: 0, updated_at: new Date().toISOString() })
      .where('id', '=', id).where('is_open', '=', 1).returningAll().executeTakeFirst();
    if (!row) throw new AppError('CONFLICT');
    await recordApplicantStep(trx, ctx.actor, applicant, { step: applicant.step, action: 'stop', onDate: todayInChina(), detail: { reason: reason.trim() } });
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'admission.stop', orgPath: applicant.org_path, targetType: 'applicant', targetId: id, targetLabel: applicant.name, detail: { reason: reason.trim() } });
    return row;
  });
}
