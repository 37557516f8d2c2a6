import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { Database, EvaluationCycleRow } from '../../platform/db/schema.ts';
import { AppError, invalidFields, type FieldError } from '../../platform/http/app-error.ts';
import { rule } from '../../platform/rules/rules.ts';
import { scopePredicate } from '../../platform/scope/data-scope.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { isCalendarDate, todayInChina } from '../../platform/time/china-date.ts';
import { dateMonthsAfter } from '../../platform/time/months.ts';
import { requireOrgsInScope } from '../org/org.repository.ts';
import { EVALUATION_GRADES, REGISTRATIONS } from './evaluation-enums.ts';
import { PARTY_STATUSES } from '../members/member-enums.ts';


function refused(code: string, zh: string, en: string): AppError {
  return new AppError('EVALUATION_REFUSED', { message: { zh, en }, extra: { reason: code } });
}

/** A cycle in scope, else 404. */
export async function requireCycle(db: Kysely<Database>, ctx: Pick<ServiceContext, 'scope'>, id: number): Promise<EvaluationCycleRow> {
  const row = await db.selectFrom('evaluation_cycle').selectAll().where('id', '=', id)
    .where(scopePredicate<Database, 'evaluation_cycle'>(ctx.scope, { path: 'evaluation_cycle.org_path', orgId: 'evaluation_cycle.org_id' })).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * 开启年度团籍注册与教育评议: the branch's members holding 团籍 join the cycle; Party members who keep
 * 团籍 are registered but not evaluated. One cycle per branch and year.
 */
export async function openCycle(ctx: ServiceContext, input: { orgId: number; year: number }): Promise<EvaluationCycleRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const branch = (await requireOrgsInScope(trx, ctx.scope, [input.orgId])).get(input.orgId)!;
    if (branch.type !== 'branch' || branch.status !== 'active') throw invalidFields([{ field: 'orgId', code: 'not_an_active_branch', message: { zh: '团籍注册与教育评议以团支部为单位开展', en: 'registration and evaluation run per branch' } }]);
    const existing = await trx.selectFrom('evaluation_cycle').select('id').where('org_id', '=', branch.id).where('year', '=', input.year).executeTakeFirst();
    if (existing) throw new AppError('CONFLICT', { message: { zh: `本支部${input.year}年度的团籍注册与教育评议已开启`, en: `the ${input.year} cycle of this branch already exists` } });
    const members = await trx.selectFrom('member').select(['id', 'political_status']).where('org_id', '=', branch.id).where('status', '=', 'normal').execute();
    if (members.length === 0) throw refused('no_members', '本支部没有团籍正常的团员', 'the branch has no members in good standing');
    const now = new Date().toISOString();
    const cycle = await trx.insertInto('evaluation_cycle').values({
      org_id: branch.id, org_path: branch.path, year: input.year, status: 'open', meeting_on: null, branch_members: members.length, attendees: null,
      submitted_at: null, decided_by: null, decided_at: null, decision_reason: null, created_by: ctx.actor.username, created_at: now, updated_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    await trx.insertInto('evaluation_entry').values(members.map((m) => ({
      cycle_id: cycle.id, member_id: m.id, year: input.year, exempt: PARTY_STATUSES.includes(m.political_status) ? 1 : 0, registration: null, defer_until: null, grade: null, correction_until: null, note: null,
    }))).execute();
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'evaluation.open', orgPath: branch.path, targetType: 'evaluation_cycle', targetId: cycle.id, targetLabel: `${branch.name} ${input.year}`, detail: { members: members.length } });
    return cycle;
  });
}

/** Entries change only while the branch holds the cycle (open, or returned to it). */
function requireEditable(cycle: EvaluationCycleRow): void {
  if (cycle.status !== 'open' && cycle.status !== 'returned') throw refused('not_editable', '该年度评议已提交或已审批，不能再修改', 'the cycle was submitted or approved and can no longer change');
}

/** 评议大会: its date and attendance; the quorum is checked at submission. */
export async function recordMeeting(ctx: ServiceContext, id: number, input: { meetingOn: string; attendees: number }): Promise<EvaluationCycleRow> {
  const problems: FieldError[] = [];
  if (!isCalendarDate(input.meetingOn) || input.meetingOn > todayInChina()) problems.push({ field: 'meetingOn', code: 'invalid_date', message: { zh: '请填写评议大会日期（不晚于今天）', en: 'enter the meeting date (not in the future)' } });
  if (problems.length > 0) throw invalidFields(problems);
  return ctx.db.transaction().execute(async (trx) => {
    const cycle = await requireCycle(trx, ctx, id);
    requireEditable(cycle);
    if (input.attendees > cycle.branch_members) throw invalidFields([{ field: 'attendees', code: 'too_many', message: { zh: `到会人数不能超过支部团员数（${cycle.branch_members}）`, en: `attendance cannot exceed ${cycle.branch_members}` } }]);
    const row = await trx.updateTable('evaluation_cycle').set({ meeting_on: input.meetingOn, attendees: input.attendees, updated_at: new Date().toISOString() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'evaluation.meeting', orgPath: cycle.org_path, targetType: 'evaluation_cycle', targetId: id, detail: input });
    return row;
  });
}

export type EntryInput = { memberId: number; registration?: string | null; deferMonths?: number | null; grade?: string | null; correctionMonths?: number | null; note?: string | null };

/** 支委会提出评议等次和注册意见: set members' registration and grade (the committee above approves later). */
export async function setEntries(ctx: ServiceContext, id: number, entries: EntryInput[]): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const cycle = await requireCycle(trx, ctx, id);
    requireEditable(cycle);
    const existing = new Map((await trx.selectFrom('evaluation_entry').select(['member_id', 'exempt']).where('cycle_id', '=', id).execute()).map((e) => [e.member_id, e]));
    const problems: FieldError[] = [];
    const base = cycle.meeting_on ?? todayInChina();
    const updates = entries.map((e, i) => {
      const at = (field: string, code: string, zh: string, en: string) => problems.push({ field: `entries.${i}.${field}`, code, message: { zh: `第${i + 1}行：${zh}`, en: `row ${i + 1}: ${en}` } });
      const entry = existing.get(e.memberId);
      if (!entry) at('memberId', 'not_in_cycle', '该团员不在本年度评议名单中', 'not in this cycle');
      if (e.registration && !REGISTRATIONS.some((r) => r.code === e.registration)) at('registration', 'invalid_choice', '请选择予以注册或暂缓注册', 'choose registered or deferred');
      const [dMin, dMax] = [rule('evaluation.deferMinMonths'), rule('evaluation.deferMaxMonths')];
      if (e.registration === 'deferred' && !(Number.isInteger(e.deferMonths) && e.deferMonths! >= dMin && e.deferMonths! <= dMax)) at('deferMonths', 'out_of_range', `暂缓注册期限为${dMin}至${dMax}个月`, `a deferral lasts ${dMin}–${dMax} months`);
      if (e.grade && !EVALUATION_GRADES.some((g) => g.code === e.grade)) at('grade', 'invalid_choice', '请选择评议等次', 'choose a grade');
      if (e.grade && entry?.exempt === 1) at('grade', 'exempt', '保留团籍的党员不参加教育评议', 'Party members keeping 团籍 are not evaluated');
      const [cMin, cMax] = [rule('evaluation.correctionMinMonths'), rule('evaluation.correctionMaxMonths')];
      if (e.grade === 'unqualified' && !(Number.isInteger(e.correctionMonths) && e.correctionMonths! >= cMin && e.correctionMonths! <= cMax)) at('correctionMonths', 'out_of_range', `不合格须限期改正${cMin}至${cMax}个月`, `an unqualified grade needs ${cMin}–${cMax} months of correction`);
      return {
        memberId: e.memberId, registration: e.registration ?? null, defer_until: e.registration === 'deferred' ? dateMonthsAfter(base, e.deferMonths ?? dMin) : null,
        grade: e.grade ?? null, correction_until: e.grade === 'unqualified' ? dateMonthsAfter(base, e.correctionMonths ?? cMin) : null, note: e.note?.trim() || null,
      };
    });
    if (problems.length > 0) throw invalidFields(problems);
    for (const u of updates) {
      const { memberId, ...values } = u;
      await trx.updateTable('evaluation_entry').set(values).where('cycle_id', '=', id).where('member_id', '=', memberId).execute();
    }
    await trx.updateTable('evaluation_cycle').set({ updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'evaluation.entries', orgPath: cycle.org_path, targetType: 'evaluation_cycle', targetId: id, detail: { rows: entries.length } });
  });
}

/**
 * 提交上级审批: the meeting had a quorum (more than two thirds), every member has a registration
 * decision and every member evaluated has a grade, and 优秀 stays within its share.
 */
export async function submitCycle(ctx: ServiceContext, id: number): Promise<EvaluationCycleRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const cycle = await requireCycle(trx, ctx, id);
    requireEditable(cycle);
    const entries = await trx.selectFrom('evaluation_entry').select(['exempt', 'registration', 'grade']).where('cycle_id', '=', id).execute();
    const quorum = rule('evaluation.quorumPercent');
    if (cycle.meeting_on === null || cycle.attendees === null) throw refused('no_meeting', '请先登记评议大会的日期和到会人数', 'record the meeting date and attendance first');
    if (!(cycle.attendees * 100 > cycle.branch_members * quorum)) {
      throw refused('no_quorum', `评议大会到会${cycle.attendees}人，须超过支部团员（${cycle.branch_members}名）的三分之二，评议无效，请重新召开`, `${cycle.attendees} attended; more than two thirds of ${cycle.branch_members} must attend`);
    }
    const undecided = entries.filter((e) => e.registration === null).length;
    if (undecided > 0) throw refused('registration_missing', `还有${undecided}名团员未确定注册意见`, `${undecided} member(s) have no registration decision`);
    const evaluated = entries.filter((e) => e.exempt === 0);
    const ungraded = evaluated.filter((e) => e.grade === null).length;
    if (ungraded > 0) throw refused('grade_missing', `还有${ungraded}名团员未评定等次`, `${ungraded} member(s) have no grade`);
    const excellent = evaluated.filter((e) => e.grade === 'excellent').length;
    const cap = rule('evaluation.excellentMaxPercent');
    if (excellent * 100 > evaluated.length * cap) {
      throw refused('too_many_excellent', `优秀${excellent}名，超过参评团员（${evaluated.length}名）的${cap}%（最多${Math.floor((evaluated.length * cap) / 100)}名）`, `${excellent} excellent exceeds ${cap}% of ${evaluated.length}`);
    }
    const now = new Date().toISOString();
    const row = await trx.updateTable('evaluation_cycle').set({ status: 'submitted', submitted_at: now, updated_at: now }).where('id', '=', id).where('status', '=', cycle.status).returningAll().executeTakeFirst();
    if (!row) throw new AppError('CONFLICT');
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'evaluation.submit', orgPath: cycle.org_path, targetType: 'evaluation_cycle', targetId: id });
    return row;
  });
}

/** 上级委员会批准 or 退回: only a post strictly above the branch. */
export async function decideCycle(ctx: ServiceContext, id: number, decision: 'approve' | 'return', reason: string | null): Promise<EvaluationCycleRow> {
  if (decision === 'return' && (reason?.trim().length ?? 0) < 2) throw invalidFields([{ field: 'reason', code: 'required', message: { zh: '退回时请写明理由', en: 'give the reason for returning' } }]);
  return ctx.db.transaction().execute(async (trx) => {
    const cycle = await requireCycle(trx, ctx, id);
    const post = ctx.scope.postOrgPath;
    if (!post || !cycle.org_path.startsWith(post) || post === cycle.org_path) throw new AppError('NOT_APPROVER', { message: { zh: '评议结果须由团支部的上级团委批准', en: 'the committee above the branch approves' } });
    if (cycle.status !== 'submitted') throw refused('not_submitted', '该年度评议尚未提交或已审批', 'the cycle is not awaiting approval');
    const now = new Date().toISOString();
    const row = await trx.updateTable('evaluation_cycle').set({ status: decision === 'approve' ? 'approved' : 'returned', decided_by: ctx.actor.username, decided_at: now, decision_reason: reason?.trim() || null, updated_at: now })
      .where('id', '=', id).where('status', '=', 'submitted').returningAll().executeTakeFirst();
    if (!row) throw new AppError('CONFLICT');
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: `evaluation.${decision}`, orgPath: cycle.org_path, targetType: 'evaluation_cycle', targetId: id, detail: { reason: reason?.trim() || undefined } });
    return row;
  });
}
