import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { Database, SubjectRequestRow } from '../../platform/db/schema.ts';
import { AppError, invalidFields, type FieldError } from '../../platform/http/app-error.ts';
import { maskIdNumber, maskPhone } from '../../platform/pii/mask.ts';
import { rule } from '../../platform/rules/rules.ts';
import { scopePredicate } from '../../platform/scope/data-scope.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { todayInChina } from '../../platform/time/china-date.ts';
import { updateMemberIn } from '../members/update-member.ts';
import {
  CORRECTABLE_FIELDS, REQUESTER_KINDS, SUBJECT_REQUEST_KINDS, SUBJECT_REQUEST_REASONS,
  type CorrectableField, type SubjectRequestKind,
} from './subject-request-enums.ts';
import { addWorkingDays } from './working-days.ts';

/** A request as the API shows it. */
export type SubjectRequestDto = {
  id: number;
  memberId: number;
  kind: string;
  requesterKind: string;
  field: string | null;
  /** The member sees their own value; handlers see ID and phone numbers masked. */
  proposedValue: string | null;
  reasonCode: string | null;
  note: string;
  status: string;
  dueOn: string;
  overdue: boolean;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
};

/** A request in a handler's list, with whom it concerns. */
export type HandledRequestDto = SubjectRequestDto & { memberName: string; idNumberMasked: string; orgName: string; memberRestricted: boolean };

export type NewSubjectRequest = {
  kind: SubjectRequestKind;
  requesterKind: string;
  field?: string;
  proposedValue?: string;
  reasonCode?: string;
  note: string;
};

const msg = (zh: string, en: string) => ({ zh, en });
const codes = (items: readonly { code: string }[]) => items.map((i) => i.code) as readonly string[];

/** The member record the signed-in account is linked to; 404 with advice when there is none. */
export async function ownMemberId(db: Kysely<Database>, userId: number | null): Promise<number> {
  const row = await db.selectFrom('app_user').select('member_id').where('id', '=', userId ?? -1).executeTakeFirst();
  if (!row?.member_id) throw new AppError('NOT_FOUND', { message: msg('您的账号尚未关联团员信息，请联系所在团支部', 'Your account is not linked to a member record; ask your branch') });
  return row.member_id;
}

function toDto(row: SubjectRequestRow, proposedValue: string | null, today: string): SubjectRequestDto {
  return {
    id: row.id, memberId: row.member_id, kind: row.kind, requesterKind: row.requester_kind, field: row.field, proposedValue,
    reasonCode: row.reason_code, note: row.note, status: row.status, dueOn: row.due_on, overdue: row.status === 'open' && row.due_on < today,
    createdAt: row.created_at, decidedBy: row.decided_by, decidedAt: row.decided_at, decisionReason: row.decision_reason,
  };
}

function checkNewRequest(input: NewSubjectRequest): void {
  const problems: FieldError[] = [];
  if (!codes(SUBJECT_REQUEST_KINDS).includes(input.kind)) problems.push({ field: 'kind', code: 'unknown', message: msg('请选择申请类型：更正、删除或限制处理', 'choose correction, deletion or restriction') });
  if (!codes(REQUESTER_KINDS).includes(input.requesterKind)) problems.push({ field: 'requesterKind', code: 'unknown', message: msg('请选择申请人：本人或监护人', 'say whether you are the member or a guardian') });
  if (input.kind === 'correction') {
    if (!input.field || !Object.hasOwn(CORRECTABLE_FIELDS, input.field)) problems.push({ field: 'field', code: 'unknown', message: msg('请选择需要更正的信息项', 'choose the item to correct') });
    if (!input.proposedValue?.trim()) problems.push({ field: 'proposedValue', code: 'required', message: msg('请填写正确的内容', 'enter the correct value') });
  } else if (!input.reasonCode || !codes(SUBJECT_REQUEST_REASONS).includes(input.reasonCode)) {
    problems.push({ field: 'reasonCode', code: 'required', message: msg('请选择理由（个人信息保护法第四十七条）', 'choose a ground (PIPL Art. 47)') });
  }
  if (input.kind !== 'correction' && input.reasonCode === 'other' && input.note.trim().length < 2) {
    problems.push({ field: 'note', code: 'required', message: msg('选择“其他情形”时请说明具体情况', 'explain the case when choosing “another case”') });
  }
  if (problems.length > 0) throw invalidFields(problems);
}

/**
 * 提出申请 (PIPL Arts. 46–47; for a minor, by the minor or a guardian, 未成年人保护法 Art. 72): a tracked
 * request with a due date subject.responseDays working days on, for the member's branch and the
 * committees above it. One open request per kind (and field) at a time.
 */
export async function createSubjectRequest(ctx: ServiceContext, input: NewSubjectRequest, now = new Date()): Promise<SubjectRequestDto> {
  checkNewRequest(input);
  const memberId = await ownMemberId(ctx.db, ctx.actor.userId);
  const today = todayInChina(now);
  return ctx.db.transaction().execute(async (trx) => {
    const member = await trx.selectFrom('member').select(['id', 'org_id', 'org_path']).where('id', '=', memberId).executeTakeFirstOrThrow();
    let open = trx.selectFrom('subject_request').select('id').where('member_id', '=', memberId).where('status', '=', 'open').where('kind', '=', input.kind);
    if (input.kind === 'correction') open = open.where('field', '=', input.field!);
    if (await open.executeTakeFirst()) {
      throw new AppError('CONFLICT', { message: msg('同类申请正在办理中，请等待答复后再提出', 'A request of this kind is still open; wait for its answer') });
    }
    const correction = input.kind === 'correction';
    const row = await trx.insertInto('subject_request').values({
      member_id: member.id, org_id: member.org_id, org_path: member.org_path, kind: input.kind, requester_kind: input.requesterKind,
      field: correction ? input.field! : null, proposed_value_enc: correction ? ctx.cipher.encrypt(input.proposedValue!.trim()) : null,
      reason_code: correction ? null : input.reasonCode!, note: input.note.trim(), status: 'open',
      due_on: addWorkingDays(today, rule('subject.responseDays')), created_by_user_id: ctx.actor.userId ?? 0, created_at: now.toISOString(),
    }).returningAll().executeTakeFirstOrThrow();
    // The audit names the kind and the field, never the value.
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'subject.request', orgPath: member.org_path, targetType: 'member', targetId: member.id,
      detail: { requestId: row.id, kind: row.kind, field: row.field, reasonCode: row.reason_code, requesterKind: row.requester_kind, dueOn: row.due_on },
    });
    return toDto(row, correction ? input.proposedValue!.trim() : null, today);
  });
}

/** 我的申请: the signed-in member's requests, newest first, with their own proposed values. */
export async function listOwnRequests(ctx: ServiceContext): Promise<{ restricted: boolean; items: SubjectRequestDto[] }> {
  const memberId = await ownMemberId(ctx.db, ctx.actor.userId);
  const today = todayInChina();
  const member = await ctx.db.selectFrom('member').select('restricted_at').where('id', '=', memberId).executeTakeFirstOrThrow();
  const rows = await ctx.db.selectFrom('subject_request').selectAll().where('member_id', '=', memberId).orderBy('id', 'desc').execute();
  return { restricted: member.restricted_at !== null, items: rows.map((r) => toDto(r, r.proposed_value_enc ? ctx.cipher.decrypt(r.proposed_value_enc) : null, today)) };
}

function maskedProposal(ctx: ServiceContext, row: SubjectRequestRow): string | null {
  if (!row.proposed_value_enc) return null;
  const value = ctx.cipher.decrypt(row.proposed_value_enc);
  if (row.field === 'idNumber') return maskIdNumber(value);
  if (row.field === 'phone') return maskPhone(value);
  return value;
}

/** Requests concerning members in the handler's scope: by the member's branch now, so a request follows a transfer. */
function requestsInScope(ctx: ServiceContext, db: Kysely<Database> = ctx.db) {
  return db
    .selectFrom('subject_request')
    .innerJoin('member', 'member.id', 'subject_request.member_id')
    .innerJoin('organization', 'organization.id', 'member.org_id')
    .where(scopePredicate<Database, 'member'>(ctx.scope, { path: 'member.org_path', orgId: 'member.org_id' }));
}

/**
 * 待办理的申请: requests in the handler's scope. This is the one read path that still shows a
 * restricted member (PIPL Art. 47 ¶2 allows storing and handling the request itself).
 */
export async function listRequestsInScope(ctx: ServiceContext, filter: { status?: string; id?: number }): Promise<HandledRequestDto[]> {
  const today = todayInChina();
  let query = requestsInScope(ctx)
    .selectAll('subject_request')
    .select(['member.name as member_name', 'member.id_number_masked', 'member.restricted_at', 'organization.name as org_name']);
  if (filter.status) query = query.where('subject_request.status', '=', filter.status);
  if (filter.id !== undefined) query = query.where('subject_request.id', '=', filter.id);
  const rows = await query.orderBy('subject_request.status', 'desc').orderBy('subject_request.due_on').orderBy('subject_request.id', 'desc').limit(500).execute();
  return rows.map(({ member_name, id_number_masked, restricted_at, org_name, ...row }) => ({
    ...toDto(row, maskedProposal(ctx, row), today),
    memberName: member_name, idNumberMasked: id_number_masked, orgName: org_name, memberRestricted: restricted_at !== null,
  }));
}

/** The value an accepted correction applies: the handler's choice, else what the member proposed. */
function valueToApply(ctx: ServiceContext, row: SubjectRequestRow, given: string | undefined): string {
  const field = row.field as CorrectableField;
  const allowed = CORRECTABLE_FIELDS[field].codes;
  const value = given?.trim() || (allowed ? '' : ctx.cipher.decrypt(row.proposed_value_enc!));
  if (allowed && !allowed.includes(value)) {
    throw invalidFields([{ field: 'value', code: 'choose_code', message: msg(`请为“${CORRECTABLE_FIELDS[field].zh}”选择一个规范取值`, `choose one of the values for ${CORRECTABLE_FIELDS[field].en}`) }]);
  }
  if (!value) throw invalidFields([{ field: 'value', code: 'required', message: msg('请填写要更正为的内容', 'enter the value to apply') }]);
  return value;
}

/**
 * 办理申请: accept (a correction is applied through the member record's own update, with its checks
 * and audit; a deletion or restriction marks the record restricted, after which it is stored only)
 * or refuse with a reason (PIPL Art. 50: a refusal gives its reasons). One transaction.
 */
export async function decideSubjectRequest(
  ctx: ServiceContext,
  id: number,
  input: { decision: 'accept' | 'refuse'; reason: string; value?: string },
  now = new Date(),
): Promise<HandledRequestDto> {
  const reason = input.reason.trim();
  if (input.decision === 'refuse' && reason.length < 2) {
    throw invalidFields([{ field: 'reason', code: 'required', message: msg('拒绝申请须说明理由（个人信息保护法第五十条）', 'a refusal must give its reasons (PIPL Art. 50)') }]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const row = await requestsInScope(ctx, trx).selectAll('subject_request')
      .select(['member.org_path as member_path', 'member.restricted_at']).where('subject_request.id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    if (row.status !== 'open') throw new AppError('CONFLICT', { message: msg('该申请已办结，请刷新后查看', 'This request was already decided; reload to see the outcome') });
    // A restricted record is stored only: it is not edited any more, so a correction can only be refused.
    if (input.decision === 'accept' && row.kind === 'correction' && row.restricted_at !== null) {
      throw new AppError('CONFLICT', { message: msg('该团员的信息已限制处理，不再更正；请拒绝此申请并说明原因', 'The record is restricted and no longer edited; refuse this request and say why') });
    }
    if (input.decision === 'accept') {
      if (row.kind === 'correction') {
        await updateMemberIn(trx, ctx, row.member_id, { [row.field!]: valueToApply(ctx, row, input.value) });
      } else {
        await trx.updateTable('member').set({ restricted_at: now.toISOString() }).where('id', '=', row.member_id).where('restricted_at', 'is', null).execute();
      }
    }
    const decided = await trx.updateTable('subject_request')
      .set({ status: input.decision === 'accept' ? 'accepted' : 'refused', decided_by_user_id: ctx.actor.userId, decided_by: ctx.actor.username, decided_at: now.toISOString(), decision_reason: reason || null })
      .where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
    if (Number(decided.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: input.decision === 'accept' ? 'subject.accept' : 'subject.refuse', orgPath: row.member_path, targetType: 'member', targetId: row.member_id,
      detail: { requestId: id, kind: row.kind, field: row.field, restricted: input.decision === 'accept' && row.kind !== 'correction' },
    });
  });
  const [item] = await listRequestsInScope(ctx, { id });
  if (!item) throw new AppError('NOT_FOUND');
  return item;
}
