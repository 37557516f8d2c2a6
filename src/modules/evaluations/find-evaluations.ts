import type { Database } from '../../platform/db/schema.ts';
import { scopePredicate } from '../../platform/scope/data-scope.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { requireOrgsInScope } from '../org/org.repository.ts';
import { scopedMemberTable, withBranchNames } from '../members/member.repository.ts';
import { requireCycle } from './evaluation-cycles.ts';
import type { UnregisteredReason } from './evaluation-enums.ts';
import { orgWithChildren } from '../org/org-with-children.ts';

type ReadCtx = Pick<ServiceContext, 'db' | 'scope'>;

/** Cycles of the branches in scope for a year, with their progress. */
export async function listCycles(ctx: ReadCtx, request: { year: number; orgId?: number; status?: string }) {
  let query = ctx.db.selectFrom('evaluation_cycle').innerJoin('organization', 'organization.id', 'evaluation_cycle.org_id')
    .selectAll('evaluation_cycle').select('organization.name as org_name')
    .where('evaluation_cycle.year', '=', request.year)
    .where(scopePredicate<Database, 'evaluation_cycle'>(ctx.scope, { path: 'evaluation_cycle.org_path', orgId: 'evaluation_cycle.org_id' }));
  if (request.orgId !== undefined) {
    const org = (await requireOrgsInScope(ctx.db, ctx.scope, [request.orgId])).get(request.orgId)!;
    query = query.where('evaluation_cycle.org_path', 'like', `${org.path}%`);
  }
  if (request.status) query = query.where('evaluation_cycle.status', '=', request.status);
  const rows = await query.orderBy('evaluation_cycle.org_path').limit(500).execute();
  return rows.map((r) => ({
    id: r.id, orgId: r.org_id, orgName: r.org_name, year: r.year, status: r.status, meetingOn: r.meeting_on, branchMembers: r.branch_members, attendees: r.attendees,
    submittedAt: r.submitted_at, decidedBy: r.decided_by, decidedAt: r.decided_at, decisionReason: r.decision_reason,
  }));
}

/** One cycle with every member line. */
export async function getCycle(ctx: ReadCtx, id: number) {
  const cycle = await requireCycle(ctx.db, ctx, id);
  const [org, entries] = await Promise.all([
    ctx.db.selectFrom('organization').select('name').where('id', '=', cycle.org_id).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('evaluation_entry').innerJoin('member', 'member.id', 'evaluation_entry.member_id')
      .select(['evaluation_entry.member_id', 'member.name', 'member.political_status', 'evaluation_entry.exempt', 'evaluation_entry.registration', 'evaluation_entry.defer_until',
        'evaluation_entry.grade', 'evaluation_entry.correction_until', 'evaluation_entry.note'])
      .where('evaluation_entry.cycle_id', '=', id).orderBy('member.name_initials').orderBy('member.id').execute(),
  ]);
  return {
    id: cycle.id, orgId: cycle.org_id, orgName: org.name, year: cycle.year, status: cycle.status, meetingOn: cycle.meeting_on, branchMembers: cycle.branch_members,
    attendees: cycle.attendees, submittedAt: cycle.submitted_at, decidedBy: cycle.decided_by, decidedAt: cycle.decided_at, decisionReason: cycle.decision_reason,
    entries: entries.map((e) => ({
      memberId: e.member_id, name: e.name, exempt: e.exempt === 1, registration: e.registration, deferUntil: e.defer_until, grade: e.grade,
      correctionUntil: e.correction_until, note: e.note,
    })),
  };
}

/**
 * 未注册团员: members holding 团籍 in scope who are not registered for the year — their branch's
 * cycle was not approved, or they were deferred. Party members count like everyone else.
 */
export async function listUnregistered(ctx: ReadCtx, request: { year: number; orgId?: number; page: number; pageSize: number }) {
  let base = scopedMemberTable(ctx.db, ctx.scope).where('member.is_active', '=', 1)
    .where('member.id', 'not in', (eb) => eb.selectFrom('evaluation_entry').innerJoin('evaluation_cycle', 'evaluation_cycle.id', 'evaluation_entry.cycle_id')
      .select('evaluation_entry.member_id').where('evaluation_entry.year', '=', request.year).where('evaluation_entry.registration', '=', 'registered').where('evaluation_cycle.status', '=', 'approved'));
  if (request.orgId !== undefined) {
    const org = (await requireOrgsInScope(ctx.db, ctx.scope, [request.orgId])).get(request.orgId)!;
    base = base.where('member.org_path', 'like', `${org.path}%`);
  }
  const page = base.selectAll('member').orderBy('member.org_path').orderBy('member.id').limit(request.pageSize).offset((request.page - 1) * request.pageSize);
  const [rows, count] = await Promise.all([
    withBranchNames(ctx.db, page, [{ column: 'org_path', direction: 'asc' }, { column: 'id', direction: 'asc' }]).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const ids = rows.length ? rows.map((r) => r.id) : [-1];
  const branchIds = rows.length ? [...new Set(rows.map((r) => r.org_id))] : [-1];
  const [entries, cycles] = await Promise.all([
    ctx.db.selectFrom('evaluation_entry').innerJoin('evaluation_cycle', 'evaluation_cycle.id', 'evaluation_entry.cycle_id')
      .select(['evaluation_entry.member_id', 'evaluation_entry.registration', 'evaluation_entry.defer_until', 'evaluation_cycle.status'])
      .where('evaluation_entry.year', '=', request.year).where('evaluation_entry.member_id', 'in', ids).execute(),
    ctx.db.selectFrom('evaluation_cycle').select(['org_id', 'status']).where('year', '=', request.year).where('org_id', 'in', branchIds).execute(),
  ]);
  const entryOf = new Map(entries.map((e) => [e.member_id, e]));
  const cycleOf = new Map(cycles.map((c) => [c.org_id, c.status]));
  return {
    items: rows.map((r) => {
      const { reason, deferUntil } = unregisteredReason(entryOf.get(r.id), cycleOf.get(r.org_id));
      return { id: r.id, name: r.name, orgId: r.org_id, orgName: r.org_name, reason, deferUntil };
    }),
    total: Number(count.n),
  };
}

/** Why a member is not registered yet (see UNREGISTERED_REASONS). */
function unregisteredReason(entry: { registration: string | null; defer_until: string | null; status: string } | undefined, branchCycle: string | undefined): { reason: UnregisteredReason; deferUntil: string | null } {
  if (entry?.registration === 'deferred') return { reason: 'deferred', deferUntil: entry.defer_until };
  if (entry) return { reason: entry.status === 'submitted' ? 'awaiting_approval' : entry.status === 'approved' ? 'not_decided' : 'in_progress', deferUntil: null };
  return { reason: branchCycle === undefined ? 'no_cycle' : 'not_in_cycle', deferUntil: null };
}

/** 注册与评议进度 per organization and child: branches, cycles approved, members registered, grades. */
export async function evaluationProgress(ctx: ReadCtx, orgId: number | undefined, year: number) {
  const { org, children } = await orgWithChildren(ctx.db, ctx.scope, orgId);
  const rowOf = async (o: { id: number; name: string; path: string }) => {
    const [cycles, entries] = await Promise.all([
      ctx.db.selectFrom('evaluation_cycle').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('org_path', 'like', `${o.path}%`).where('year', '=', year).groupBy('status').execute(),
      ctx.db.selectFrom('evaluation_entry').innerJoin('evaluation_cycle', 'evaluation_cycle.id', 'evaluation_entry.cycle_id')
        .select(['evaluation_entry.registration', 'evaluation_entry.grade', (eb) => eb.fn.countAll<number>().as('n')])
        .where('evaluation_cycle.org_path', 'like', `${o.path}%`).where('evaluation_cycle.year', '=', year).where('evaluation_cycle.status', '=', 'approved')
        .groupBy(['evaluation_entry.registration', 'evaluation_entry.grade']).execute(),
    ]);
    const byStatus = Object.fromEntries(cycles.map((c) => [c.status, Number(c.n)]));
    const registered = entries.filter((e) => e.registration === 'registered').reduce((s, e) => s + Number(e.n), 0);
    const grades: Record<string, number> = {};
    for (const e of entries) if (e.grade) grades[e.grade] = (grades[e.grade] ?? 0) + Number(e.n);
    return { orgId: o.id, name: o.name, cycles: byStatus, registered, deferred: entries.filter((e) => e.registration === 'deferred').reduce((s, e) => s + Number(e.n), 0), grades };
  };
  const [own, ...rows] = await Promise.all([rowOf(org), ...children.map(rowOf)]);
  return { year, org: own!, children: rows };
}
