import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { Database, MemberRow } from '../../platform/db/schema.ts';
import { AppError, invalidFields } from '../../platform/http/app-error.ts';
import { rule } from '../../platform/rules/rules.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { todayInChina } from '../../platform/time/china-date.ts';
import { requireOrgsInScope } from '../org/org.repository.ts';
import { refuseDuplicates } from './member-duplicates.ts';
import { toMemberDto, type MemberDto } from './member.dto.ts';
import type { ScopedMemberRow } from './member.repository.ts';
import { requireMemberRecordAccess } from './member-record-access.ts';
import { applyToPath } from './stats/apply-member-stats.ts';
import { contributionOf, difference } from './stats/member-contribution.ts';
import { ageOn } from './resident-id.ts';
import { isActiveStatus, pendingExit, pendingOf, refuseExitRequest, refuseRestore, type ExitKind, type Refusal } from './status-machine.ts';

function refused(refusal: Refusal): AppError {
  return new AppError('MEMBER_STATUS_REFUSED', { message: refusal.message, extra: { reason: refusal.code } });
}

async function recordChange(
  trx: Kysely<Database>,
  ctx: ServiceContext,
  member: MemberRow,
  change: { kind: string; to: string; reason: string; orgPath?: string },
): Promise<void> {
  await trx
    .insertInto('member_status_change')
    .values({
      member_id: member.id, org_path: change.orgPath ?? member.org_path, kind: change.kind, from_status: member.status, to_status: change.to,
      reason: change.reason, actor_user_id: ctx.actor.userId, actor_username: ctx.actor.username, post_id: ctx.actor.postId,
      post_label: ctx.actor.postLabel, at: new Date().toISOString(),
    })
    .execute();
  await appendAudit(trx, ctx.auditKey, ctx.actor, {
    action: `member.status.${change.kind}`, orgPath: change.orgPath ?? member.org_path, targetType: 'member', targetId: member.id, targetLabel: member.name,
    detail: { from: member.status, to: change.to, reason: change.reason },
  });
}

/**
 * Move a member from one status to another only if nobody changed it meanwhile: of two
 * approvers racing, exactly one succeeds and the other is told to reload.
 */
async function setStatus(
  trx: Kysely<Database>,
  member: ScopedMemberRow,
  to: string,
  extra: { org_id?: number; org_path?: string; industry?: string } = {},
): Promise<MemberRow> {
  const { industry, ...moved } = extra;
  const row = await trx
    .updateTable('member')
    .set({ status: to, is_active: isActiveStatus(to) ? 1 : 0, updated_at: new Date().toISOString(), ...moved })
    .where('id', '=', member.id)
    .where('status', '=', member.status)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('CONFLICT');
  if (row.org_path === member.org_path) {
    await applyToPath(trx, row.org_path, difference(contributionOf(member, member.org_industry), contributionOf(row, member.org_industry)));
  } else {
    await applyToPath(trx, member.org_path, contributionOf(member, member.org_industry), -1);
    await applyToPath(trx, row.org_path, contributionOf(row, industry ?? member.org_industry));
  }
  return row;
}

/** The approver's post must stand strictly above the member's branch. */
function requireApprover(ctx: ServiceContext, member: MemberRow): void {
  const above = ctx.scope.postOrgPath;
  if (!above || !member.org_path.startsWith(above) || member.org_path === above) throw new AppError('NOT_APPROVER');
}

/** 发起团籍变动 (离团 / 脱团 / 退团 / 开除): the member waits in the pending state for the parent's decision. */
export async function requestExit(ctx: ServiceContext, id: number, kind: ExitKind, reason: string): Promise<MemberDto> {
  const today = todayInChina();
  return ctx.db.transaction().execute(async (trx) => {
    const member = await requireMemberRecordAccess(trx, ctx, id, 'update');
    const refusal = refuseExitRequest(kind, {
      status: member.status, age: ageOn(member.birth_date, today), maxAge: rule('membership.maxAge'), holdsLeaguePost: member.league_post !== null,
    });
    if (refusal) throw refused(refusal);
    const to = pendingOf(kind);
    await recordChange(trx, ctx, member, { kind: 'request', to, reason: reason.trim() });
    const row = await setStatus(trx, member, to);
    return toMemberDto({ ...row, org_name: member.org_name }, today);
  });
}

/** 审批: the parent organization approves (the exit takes effect) or rejects (back to normal) a pending change. */
export async function decideExit(ctx: ServiceContext, id: number, decision: 'approve' | 'reject', reason: string): Promise<MemberDto> {
  const today = todayInChina();
  return ctx.db.transaction().execute(async (trx) => {
    const member = await requireMemberRecordAccess(trx, ctx, id, 'update');
    const kind = pendingExit(member.status);
    if (!kind) {
      throw refused({ code: 'nothing_pending', message: { zh: '该团员没有待审核的团籍变动', en: 'the member has no pending status change' } });
    }
    requireApprover(ctx, member);
    const to = decision === 'approve' ? kind : 'normal';
    await recordChange(trx, ctx, member, { kind: decision, to, reason: reason.trim() });
    const row = await setStatus(trx, member, to);
    return toMemberDto({ ...row, org_name: member.org_name }, today);
  });
}

/** 恢复团籍: bring a member who left back into a chosen branch in the caller's scope. */
export async function restoreMember(ctx: ServiceContext, id: number, orgId: number, reason: string): Promise<MemberDto> {
  const today = todayInChina();
  return ctx.db.transaction().execute(async (trx) => {
    const member = await requireMemberRecordAccess(trx, ctx, id, 'update');
    const refusal = refuseRestore({ status: member.status, age: ageOn(member.birth_date, today), maxAge: rule('membership.maxAge') });
    if (refusal) throw refused(refusal);
    const branch = (await requireOrgsInScope(trx, ctx.scope, [orgId])).get(orgId)!;
    if (branch.type !== 'branch' || branch.status !== 'active') {
      throw invalidFields([{ field: 'orgId', code: 'not_an_active_branch', message: { zh: '请选择一个正常状态的团支部', en: 'choose an active branch' } }]);
    }
    await refuseDuplicates(trx, ctx.scope, { idIndex: member.id_number_index, developmentNumber: null, exceptId: member.id });
    await recordChange(trx, ctx, member, { kind: 'restore', to: 'normal', reason: reason.trim(), orgPath: branch.path });
    const row = await setStatus(trx, member, 'normal', { org_id: branch.id, org_path: branch.path, industry: branch.industry_category });
    return toMemberDto({ ...row, org_name: branch.name }, today);
  });
}

/** 团籍变动记录 of one member in scope, newest first. */
export async function statusHistory(ctx: ServiceContext, id: number) {
  const rows = await ctx.db.transaction().execute(async (trx) => {
    await requireMemberRecordAccess(trx, ctx, id, 'read'); // a minor's history is part of the record (LAW-09)
    return trx.selectFrom('member_status_change').selectAll().where('member_id', '=', id).orderBy('id', 'desc').execute();
  });
  return rows.map((r) => ({
    id: r.id, kind: r.kind, fromStatus: r.from_status, toStatus: r.to_status, reason: r.reason,
    actorUsername: r.actor_username, postLabel: r.post_label, at: r.at,
  }));
}
