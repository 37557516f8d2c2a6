import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { AdmissionNoticeRow } from '../../platform/db/schema.ts';
import { AppError, invalidFields, type FieldError } from '../../platform/http/app-error.ts';
import { rule } from '../../platform/rules/rules.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { isCalendarDate } from '../../platform/time/china-date.ts';
import { ADMISSION_NOTICES } from './admission-enums.ts';
import { admissionRefused, requireApplicant, scopedApplicants } from './applicant.repository.ts';

export type NoticeInput = { kind: string; startOn: string; endOn: string; objections?: string | null; objectionsResolved?: boolean };

/** Days a notice runs, both ends counted. */
function noticeDays(startOn: string, endOn: string): number {
  return Math.round((Date.parse(`${endOn}T00:00:00Z`) - Date.parse(`${startOn}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * 公示: publish one of the three notices for an applicant at the point of the procedure it belongs
 * to (积极分子 after the application, 发展对象 after the observation, 新团员 after the vote), for at
 * least the rule's number of days. Objections raised keep the next step blocked until resolved.
 */
export async function addNotice(ctx: ServiceContext, applicantId: number, input: NoticeInput): Promise<AdmissionNoticeRow> {
  const kind = ADMISSION_NOTICES.find((n) => n.code === input.kind);
  const problems: FieldError[] = [];
  if (!kind) problems.push({ field: 'kind', code: 'invalid_choice', message: { zh: '请选择公示类别', en: 'choose the kind of notice' } });
  if (!isCalendarDate(input.startOn)) problems.push({ field: 'startOn', code: 'invalid_date', message: { zh: '请填写公示开始日期', en: 'enter the start date' } });
  if (!isCalendarDate(input.endOn)) problems.push({ field: 'endOn', code: 'invalid_date', message: { zh: '请填写公示结束日期', en: 'enter the end date' } });
  else if (isCalendarDate(input.startOn) && noticeDays(input.startOn, input.endOn) < rule('admission.minNoticeDays')) {
    problems.push({ field: 'endOn', code: 'too_short', message: { zh: `公示期不少于${rule('admission.minNoticeDays')}天（含首尾两天）`, en: `a notice runs at least ${rule('admission.minNoticeDays')} days, both ends counted` } });
  }
  if (problems.length > 0) throw invalidFields(problems);
  return ctx.db.transaction().execute(async (trx) => {
    const applicant = await requireApplicant(trx, ctx.scope, applicantId);
    if (applicant.is_open !== 1) throw admissionRefused('closed', '该入团申请已办结或终止', 'the application is closed');
    if (applicant.step < kind!.afterStep || applicant.step >= kind!.beforeStep) {
      throw admissionRefused('notice_out_of_place', `“${kind!.zh}”应在第${kind!.afterStep}步完成后、第${kind!.beforeStep}步之前进行`, `the ${kind!.en.toLowerCase()} belongs after step ${kind!.afterStep} and before step ${kind!.beforeStep}`);
    }
    const objections = input.objections?.trim() || null;
    const row = await trx.insertInto('admission_notice').values({
      applicant_id: applicantId, org_path: applicant.org_path, kind: kind!.code, start_on: input.startOn, end_on: input.endOn, objections,
      objections_resolved: objections === null || input.objectionsResolved ? 1 : 0, created_by: ctx.actor.username, created_at: new Date().toISOString(),
    }).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'admission.notice', orgPath: applicant.org_path, targetType: 'applicant', targetId: applicantId, targetLabel: applicant.name, detail: { kind: kind!.code, startOn: input.startOn, endOn: input.endOn } });
    return row;
  });
}

/** Record objections raised during a notice, or that they were looked into and answered. */
export async function updateNoticeObjections(ctx: ServiceContext, noticeId: number, input: { objections: string | null; objectionsResolved: boolean }): Promise<AdmissionNoticeRow> {
  return ctx.db.transaction().execute(async (trx) => {
    // Scoped through its applicant's branch (a notice has no organization of its own).
    const notice = await trx.selectFrom('admission_notice').selectAll().where('id', '=', noticeId)
      .where('applicant_id', 'in', scopedApplicants(trx, ctx.scope).select('applicant.id')).executeTakeFirst();
    if (!notice) throw new AppError('NOT_FOUND');
    const objections = input.objections?.trim() || null;
    const row = await trx.updateTable('admission_notice').set({ objections, objections_resolved: objections === null || input.objectionsResolved ? 1 : 0 })
      .where('id', '=', noticeId).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'admission.notice_objections', orgPath: notice.org_path, targetType: 'admission_notice', targetId: noticeId, detail: { resolved: row.objections_resolved === 1 } });
    return row;
  });
}
