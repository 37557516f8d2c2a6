import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { Database, MinorAccessGrantRow } from '../../platform/db/schema.ts';
import { AppError, invalidFields, type FieldError } from '../../platform/http/app-error.ts';
import { rule } from '../../platform/rules/rules.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { todayInChina } from '../../platform/time/china-date.ts';
import { activeGrant } from './minor-access-gate.ts';
import { toMinorAccessDto, type MinorAccessRequestDto } from './minor-access.dto.ts';
import { isMinorSensitive } from './minor-label.ts';
import { requireMinorSubject, subjectTypeOf } from './minor-subjects.ts';

/** 申请查看未成年人信息: one labelled record (a member's or an applicant's), why, for which task, and for how long. */
export type MinorAccessRequestInput = { memberId?: number; applicantId?: number; reason: string; purpose: string; hours: number };

async function dtoOf(db: Kysely<Database>, id: number, now: Date): Promise<MinorAccessRequestDto> {
  const row = await db.selectFrom('minor_access_grant').innerJoin('organization', 'organization.id', 'minor_access_grant.org_id')
    .selectAll('minor_access_grant').select('organization.name as org_name').where('minor_access_grant.id', '=', id).executeTakeFirstOrThrow();
  return toMinorAccessDto(row, now);
}

/**
 * A request is made for one record, not for an organization's minors: the 条例 asks for the least
 * access (最小授权), and a per-record grant ties each opening to the task it was approved for.
 */
export async function requestMinorAccess(ctx: ServiceContext, input: MinorAccessRequestInput, now: Date = new Date()): Promise<MinorAccessRequestDto> {
  const problems: FieldError[] = [];
  const maxHours = rule('minors.grantHours');
  if (input.reason.trim().length < 2) problems.push({ field: 'reason', code: 'required', message: { zh: '请填写申请理由（至少2个字）', en: 'give the reason (at least 2 characters)' } });
  if (input.purpose.trim().length < 2) problems.push({ field: 'purpose', code: 'required', message: { zh: '请填写关联的工作任务或用途', en: 'name the task or purpose the access serves' } });
  if (!Number.isInteger(input.hours) || input.hours < 1 || input.hours > maxHours) {
    problems.push({ field: 'hours', code: 'out_of_range', message: { zh: `申请时长须为1至${maxHours}小时`, en: `the duration must be 1 to ${maxHours} hours` } });
  }
  if ((input.memberId === undefined) === (input.applicantId === undefined)) {
    problems.push({ field: 'memberId', code: 'one_record', message: { zh: '请指定一条团员记录或一条入团申请人记录', en: 'name exactly one member or one applicant' } });
  }
  if (problems.length > 0) throw invalidFields(problems);
  if (ctx.actor.userId === null) throw new AppError('FORBIDDEN');
  const [type, subjectId] = input.memberId !== undefined ? ['member', input.memberId] as const : ['applicant', input.applicantId!] as const;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const subject = await requireMinorSubject(trx, ctx.scope, type, subjectId);
    if (!isMinorSensitive(subject.birthDate, todayInChina(now))) {
      throw new AppError('CONFLICT', { message: { zh: '该记录不含未成年人敏感信息，无需申请，可直接查看', en: 'This record carries no minor\'s label; open it directly' }, extra: { reason: 'not_labelled' } });
    }
    if (await activeGrant(trx, ctx.actor.userId, subject, now)) {
      throw new AppError('CONFLICT', { message: { zh: '您对该记录已有有效的查看授权，可直接查看', en: 'You already hold an active approval for this record' }, extra: { reason: 'already_granted' } });
    }
    const pending = await trx.selectFrom('minor_access_grant').select('id')
      .where('subject_type', '=', subject.type).where('subject_id', '=', subject.id).where('requester_user_id', '=', ctx.actor.userId).where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending) {
      throw new AppError('CONFLICT', { message: { zh: '您对该记录已有待审批的申请，请等待负责人审批', en: 'Your request for this record is already waiting for approval' }, extra: { reason: 'already_pending', requestId: pending.id } });
    }
    const row = await trx.insertInto('minor_access_grant').values({
      subject_type: subject.type, subject_id: subject.id, subject_label: subject.name, org_id: subject.orgId, org_path: subject.orgPath,
      requester_user_id: ctx.actor.userId!, requester_username: ctx.actor.username, requester_post_label: ctx.actor.postLabel,
      reason: input.reason.trim(), purpose: input.purpose.trim(), requested_hours: input.hours, requested_at: now.toISOString(), status: 'pending',
      decided_by_user_id: null, decided_by_username: null, decision_comment: null, decided_at: null, expires_at: null,
      revoked_by_username: null, revoked_at: null, revoke_reason: null,
    }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'minor.access.request', orgPath: subject.orgPath, targetType: subject.type, targetId: subject.id, targetLabel: subject.name,
      detail: { requestId: row.id, reason: input.reason.trim(), purpose: input.purpose.trim(), hours: input.hours },
    });
    return row.id;
  });
  return dtoOf(ctx.db, id, now);
}

/** A request whose record the caller's scope holds (404 otherwise), locked for the decision. */
async function requestInScope(trx: Kysely<Database>, ctx: ServiceContext, id: number): Promise<MinorAccessGrantRow & { subject_path: string }> {
  const row = await trx.selectFrom('minor_access_grant').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const subject = await requireMinorSubject(trx, ctx.scope, subjectTypeOf(row.subject_type), row.subject_id);
  return { ...row, subject_path: subject.orgPath };
}

/**
 * 审批: a responsible person whose scope holds the record approves or refuses; never the
 * requester. An approval runs for the hours asked from the moment of approval.
 */
export async function decideMinorAccess(
  ctx: ServiceContext,
  id: number,
  input: { decision: 'approve' | 'refuse'; comment?: string | null },
  now: Date = new Date(),
): Promise<MinorAccessRequestDto> {
  const comment = input.comment?.trim() || null;
  if (input.decision === 'refuse' && !comment) {
    throw invalidFields([{ field: 'comment', code: 'required', message: { zh: '不同意时请填写审批意见，说明理由', en: 'give the reason when refusing' } }]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const row = await requestInScope(trx, ctx, id);
    if (row.requester_user_id === ctx.actor.userId) {
      throw new AppError('FORBIDDEN', { message: { zh: '不能审批本人提交的申请，请由其他负责人审批', en: 'You cannot decide on your own request; another responsible person must' }, extra: { reason: 'own_request' } });
    }
    const expiresAt = input.decision === 'approve' ? new Date(now.getTime() + row.requested_hours * 3_600_000).toISOString() : null;
    const updated = await trx.updateTable('minor_access_grant')
      .set({
        status: input.decision === 'approve' ? 'approved' : 'refused', decided_by_user_id: ctx.actor.userId, decided_by_username: ctx.actor.username,
        decision_comment: comment, decided_at: now.toISOString(), expires_at: expiresAt,
      })
      .where('id', '=', id).where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw new AppError('CONFLICT', { message: { zh: '该申请已处理，请刷新后查看结果', en: 'This request was already decided; reload to see the outcome' } });
    }
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: `minor.access.${input.decision}`, orgPath: row.subject_path, targetType: row.subject_type, targetId: row.subject_id, targetLabel: row.subject_label,
      detail: { requestId: id, requester: row.requester_username, comment, expiresAt },
    });
  });
  return dtoOf(ctx.db, id, now);
}

/**
 * 撤销: the requester gives up a request or grant, or a responsible person whose scope holds the
 * record withdraws it; access stops at once.
 */
export async function revokeMinorAccess(
  ctx: ServiceContext,
  id: number,
  input: { reason: string; mayApprove: boolean },
  now: Date = new Date(),
): Promise<MinorAccessRequestDto> {
  const reason = input.reason.trim();
  if (reason.length < 2) throw invalidFields([{ field: 'reason', code: 'required', message: { zh: '请填写撤销理由', en: 'give the reason for revoking' } }]);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await requestInScope(trx, ctx, id);
    const own = row.requester_user_id === ctx.actor.userId;
    if (!own && !input.mayApprove) throw new AppError('FORBIDDEN', { message: { zh: '只有申请人本人或有审批权限的负责人可以撤销', en: 'Only the requester or a responsible person may revoke' } });
    const live = row.status === 'pending' || (row.status === 'approved' && row.expires_at !== null && row.expires_at > now.toISOString());
    if (!live) throw new AppError('CONFLICT', { message: { zh: '该申请已结束（已拒绝、已撤销或已过期），无需撤销', en: 'This request has already ended' } });
    await trx.updateTable('minor_access_grant')
      .set({ status: 'revoked', revoked_by_username: ctx.actor.username, revoked_at: now.toISOString(), revoke_reason: reason })
      .where('id', '=', id).where('status', '=', row.status)
      .execute();
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'minor.access.revoke', orgPath: row.subject_path, targetType: row.subject_type, targetId: row.subject_id, targetLabel: row.subject_label,
      detail: { requestId: id, requester: row.requester_username, reason, wasStatus: row.status },
    });
  });
  return dtoOf(ctx.db, id, now);
}
